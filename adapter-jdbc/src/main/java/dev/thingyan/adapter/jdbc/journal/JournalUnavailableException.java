package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.ports.error.UnavailableException;

/** The journal database could not be opened or upgraded; the message says why and what to check. */
public class JournalUnavailableException extends UnavailableException {
  private static final long serialVersionUID = 1L;

  public JournalUnavailableException(String message, Throwable cause) {
    super("journal_unavailable", message, cause);
  }
}

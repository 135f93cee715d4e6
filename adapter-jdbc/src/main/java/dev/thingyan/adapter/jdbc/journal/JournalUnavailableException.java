package dev.thingyan.adapter.jdbc.journal;

/** The journal database could not be opened or upgraded; the message says why and what to check. */
public class JournalUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JournalUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.thingyan.ports.out;

import dev.thingyan.ports.error.ThingyanException;

/** A journal write found the run in another state than the writer expected (someone else moved it). */
public class JournalConflictException extends ThingyanException {
  private static final long serialVersionUID = 1L;

  /** The {@link #code()} of this failure. */
  public static final String CODE = "journal_conflict";

  public JournalConflictException(String message) {
    super(CODE, message, null);
  }
}

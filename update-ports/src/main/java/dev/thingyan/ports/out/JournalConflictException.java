package dev.thingyan.ports.out;

/** A journal write found the run in another state than the writer expected (someone else moved it). */
public class JournalConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JournalConflictException(String message) {
    super(message);
  }
}

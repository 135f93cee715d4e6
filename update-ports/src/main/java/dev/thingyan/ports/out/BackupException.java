package dev.thingyan.ports.out;

/** A backup, a restore or a backup store failed; the message says why, never with a secret in it. */
public class BackupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.thingyan.ports.out;

import dev.thingyan.ports.error.ThingyanException;

/** A backup, a restore or a backup store failed; the message says why, never with a secret in it. */
public class BackupException extends ThingyanException {
  private static final long serialVersionUID = 1L;

  /** The {@link #code()} of this failure. */
  public static final String CODE = "backup_failed";

  public BackupException(String message) {
    super(CODE, message, null);
  }

  public BackupException(String message, Throwable cause) {
    super(CODE, message, cause);
  }
}

package dev.thingyan.ports.out;

/**
 * A restore failed before it changed anything: the database is exactly as it was before the
 * restore began, even where the engine cannot roll a restore back as a whole ({@link
 * DatabaseDumper#restoreIsAtomic()} false). The caller may then bring the app back, unless the
 * database was already unsafe before this restore.
 */
public class RestoreRefusedException extends BackupException {
  private static final long serialVersionUID = 1L;

  public RestoreRefusedException(String message) {
    super(message);
  }

  public RestoreRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}

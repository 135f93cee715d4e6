package dev.thingyan.domain.policy;

import java.util.Optional;

/**
 * What a manual rollback does with the database. Rolling the code back alone runs the older code
 * on whatever schema the newer release left, so the database is never kept silently: with no
 * flag, the rollback goes on (keeping it) only when the schema is known to be unchanged since the
 * pre-update backup of the update that installed the current release; otherwise an admin decides.
 */
public final class RollbackDatabase {

  private RollbackDatabase() {}

  /** The outcome; only {@link #RESTORE}, {@link #KEEP_AS_ASKED} and {@link #KEEP_UNCHANGED} proceed. */
  public enum Choice {
    /** {@code --restore-db}, and the backup exists. */
    RESTORE,
    /** {@code --keep-db}. */
    KEEP_AS_ASKED,
    /** No flag, and the schema version is the same now as when the backup was taken. */
    KEEP_UNCHANGED,
    /** No flag, and the schema changed since the backup: ask. */
    ASK_SCHEMA_CHANGED,
    /** No flag, and the schema version could not be read then or now: ask. */
    ASK_SCHEMA_UNKNOWN,
    /** No flag, and no pre-update backup is recorded: only {@code --keep-db} can go on. */
    ASK_NO_BACKUP,
    /** {@code --restore-db}, but there is no backup to restore. */
    REFUSE_NO_BACKUP;

    public boolean proceeds() {
      return this == RESTORE || this == KEEP_AS_ASKED || this == KEEP_UNCHANGED;
    }

    public boolean restores() {
      return this == RESTORE;
    }
  }

  /**
   * @param restoreFlag {@code --restore-db} (true), {@code --keep-db} (false), or neither
   * @param backupRecorded whether the update that installed the current release has a pre-update
   *     backup in the catalog
   * @param schemaAtBackup the schema version that backup recorded
   * @param schemaNow the database's schema version now
   */
  public static Choice decide(Optional<Boolean> restoreFlag, boolean backupRecorded,
      Optional<String> schemaAtBackup, Optional<String> schemaNow) {
    if (restoreFlag.isPresent()) {
      if (!restoreFlag.get()) return Choice.KEEP_AS_ASKED;
      return backupRecorded ? Choice.RESTORE : Choice.REFUSE_NO_BACKUP;
    }
    if (!backupRecorded) return Choice.ASK_NO_BACKUP;
    if (schemaAtBackup.isEmpty() || schemaNow.isEmpty()) return Choice.ASK_SCHEMA_UNKNOWN;
    return schemaAtBackup.equals(schemaNow) ? Choice.KEEP_UNCHANGED : Choice.ASK_SCHEMA_CHANGED;
  }
}

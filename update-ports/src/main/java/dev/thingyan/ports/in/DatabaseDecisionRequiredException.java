package dev.thingyan.ports.in;

import java.util.Objects;
import java.util.Optional;

/**
 * A manual rollback refused until an admin decides the database: rolling the code back alone would
 * run the older code on the schema the newer release left, or nothing tells whether it would. The
 * admin answers with {@code --restore-db} (restore the pre-update backup of the update that
 * installed the current release; a safety backup of the database as it is comes first) or
 * {@code --keep-db}. The fields let an edge say it in the admin's language.
 */
public final class DatabaseDecisionRequiredException extends RunRefusedException {
  private static final long serialVersionUID = 1L;

  /** Why the admin must decide. */
  public enum Why {
    /** The schema version differs from the one the backup recorded. */
    SCHEMA_CHANGED,
    /** The schema version could not be read, then or now. */
    SCHEMA_UNKNOWN,
    /** No pre-update backup is recorded for the current release: only {@code --keep-db} goes on. */
    NO_BACKUP
  }

  private final Why why;
  private final String backupId;
  private final String schemaAtBackup;
  private final String schemaNow;
  private final String rollingBackTo;

  /**
   * @param backupId the pre-update backup a restore would use (null with {@link Why#NO_BACKUP})
   * @param schemaAtBackup the schema version it recorded, null when unknown
   * @param schemaNow the database's schema version now, null when unknown
   * @param rollingBackTo the release the rollback would go back to (its version or folder name)
   */
  public DatabaseDecisionRequiredException(String message, Why why, String backupId, String schemaAtBackup,
      String schemaNow, String rollingBackTo) {
    super("database_decision_required", message);
    this.why = Objects.requireNonNull(why, "why");
    this.backupId = backupId;
    this.schemaAtBackup = schemaAtBackup;
    this.schemaNow = schemaNow;
    this.rollingBackTo = Objects.requireNonNull(rollingBackTo, "rollingBackTo");
  }

  public Why why() {
    return why;
  }

  public Optional<String> backupId() {
    return Optional.ofNullable(backupId);
  }

  public Optional<String> schemaAtBackup() {
    return Optional.ofNullable(schemaAtBackup);
  }

  public Optional<String> schemaNow() {
    return Optional.ofNullable(schemaNow);
  }

  public String rollingBackTo() {
    return rollingBackTo;
  }

  /** @return whether {@code --restore-db} is possible (a backup is recorded) */
  public boolean canRestore() {
    return why != Why.NO_BACKUP;
  }
}

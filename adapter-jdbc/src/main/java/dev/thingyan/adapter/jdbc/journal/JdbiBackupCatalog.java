package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalSql.fromWire;
import static dev.thingyan.adapter.jdbc.journal.JournalSql.instant;
import static dev.thingyan.adapter.jdbc.journal.JournalSql.millis;
import static dev.thingyan.adapter.jdbc.journal.JournalSql.optionalString;
import static dev.thingyan.adapter.jdbc.journal.JournalSql.wire;

import dev.thingyan.ports.model.BackupKind;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.BackupCatalog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/** The backup catalog in the journal database. */
public final class JdbiBackupCatalog implements BackupCatalog {

  private static final String SELECT =
      "SELECT backup_id, created_at, app_version, schema_version, sha256_hex, size_bytes, engine,"
          + " database_name, run_id, kind, store_key, codec FROM thingyan_backup";

  private final Jdbi jdbi;

  public JdbiBackupCatalog(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public void add(BackupRecord b) {
    try {
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "INSERT INTO thingyan_backup (backup_id, created_at, app_version,"
                          + " schema_version, sha256_hex, size_bytes, engine, database_name,"
                          + " run_id, kind, store_key, codec) VALUES (:id, :at, :app, :schema,"
                          + " :sha, :size, :engine, :db, :run, :kind, :key, :codec)")
                  .bind("id", b.backupId())
                  .bind("at", millis(b.createdAt()))
                  .bind("app", b.appVersion().map(Version::toString).orElse(null))
                  .bind("schema", b.schemaVersion().orElse(null))
                  .bind("sha", b.sha256Hex())
                  .bind("size", b.size())
                  .bind("engine", b.engine())
                  .bind("db", b.database())
                  .bind("run", b.runId().map(RunId::value).orElse(null))
                  .bind("kind", wire(b.kind()))
                  .bind("key", b.storeKey())
                  .bind("codec", b.codec())
                  .execute());
    } catch (JdbiException e) {
      if (JournalSql.isRaceLost(e) && find(b.backupId()).isPresent()) {
        throw new IllegalStateException(
            "backup "
                + b.backupId()
                + " is already in the catalog; a backup id must be new for each backup",
            e);
      }
      throw e;
    }
  }

  @Override
  public List<BackupRecord> list() {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " ORDER BY created_at DESC, backup_id DESC")
                .map(JdbiBackupCatalog::row)
                .list());
  }

  @Override
  public Optional<BackupRecord> find(String backupId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE backup_id = :id")
                .bind("id", backupId)
                .map(JdbiBackupCatalog::row)
                .findOne());
  }

  @Override
  public void remove(String backupId) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM thingyan_backup WHERE backup_id = :id")
                .bind("id", backupId)
                .execute());
  }

  private static BackupRecord row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new BackupRecord(
        rs.getString("backup_id"),
        instant(rs, "created_at"),
        optionalString(rs, "app_version").map(Version::parse),
        optionalString(rs, "schema_version"),
        rs.getString("sha256_hex"),
        rs.getLong("size_bytes"),
        rs.getString("engine"),
        rs.getString("database_name"),
        optionalString(rs, "run_id").map(RunId::new),
        fromWire(BackupKind.class, rs.getString("kind")),
        rs.getString("store_key"),
        rs.getString("codec"));
  }
}

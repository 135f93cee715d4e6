package dev.thingyan.ports.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored backup and its metadata (the spec's backup_id, timestamp, app_version, schema_version,
 * checksum, size, plus what a restore needs).
 *
 * @param sha256Hex checksum of the stored bytes (after compression and encryption)
 * @param size bytes stored
 * @param storeKey where the store keeps it (a file name or an object key)
 * @param codec how the stored bytes decode to the dump, e.g. {@code zstd} or {@code zstd+aead}
 */
public record BackupRecord(String backupId, Instant createdAt, Optional<Version> appVersion,
    Optional<String> schemaVersion, String sha256Hex, long size, String engine, String database,
    Optional<RunId> runId, BackupKind kind, String storeKey, String codec) {
  public BackupRecord {
    Objects.requireNonNull(backupId, "backupId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(appVersion, "appVersion");
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    Objects.requireNonNull(sha256Hex, "sha256Hex");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(storeKey, "storeKey");
    Objects.requireNonNull(codec, "codec");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
  }
}

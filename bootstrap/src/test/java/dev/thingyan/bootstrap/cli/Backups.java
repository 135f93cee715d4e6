package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.model.BackupKind;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.Version;
import java.time.Instant;
import java.util.Optional;

/** Test data: backup records. */
final class Backups {
  private Backups() {}

  static BackupRecord record(String id) {
    return new BackupRecord(id, Instant.parse("2026-04-13T05:30:00Z"),
        Optional.of(Version.parse("1.2.0")), Optional.of("2026_04_01_000000_add_folios"),
        "ab".repeat(32), 123_456, "sqlite", "database.sqlite", Optional.of(new RunId("r-1")),
        BackupKind.PRE_UPDATE, id + ".sql.zst", "zstd");
  }
}

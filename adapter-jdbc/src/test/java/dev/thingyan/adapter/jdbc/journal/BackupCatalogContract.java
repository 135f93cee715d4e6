package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalFixture.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.BackupKind;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.BackupCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The backup catalog: every field round-trips, newest first, remove. */
interface BackupCatalogContract extends JournalFixture {

  private static BackupRecord full(String id, Instant at) {
    return new BackupRecord(
        id,
        at,
        Optional.of(Version.parse("1.4.2")),
        Optional.of("2025_04_01_000000_create_folios_table"),
        "ab".repeat(32),
        123_456_789_012L,
        "postgresql",
        "pms",
        Optional.of(RunId.random()),
        BackupKind.PRE_UPDATE,
        "pms/" + id + ".dump.zst",
        "zstd+aead");
  }

  private static BackupRecord bare(String id, Instant at) {
    return new BackupRecord(
        id,
        at,
        Optional.empty(),
        Optional.empty(),
        "cd".repeat(32),
        0,
        "sqlite",
        "database.sqlite",
        Optional.empty(),
        BackupKind.MANUAL,
        id + ".zst",
        "zstd");
  }

  @Test
  default void everyFieldRoundTripsWithOrWithoutItsOptionalParts() {
    BackupCatalog catalog = journal().backupCatalog();
    Instant at = clock().instant();
    BackupRecord full = full("bk-1", at);
    BackupRecord bare = bare("bk-2", at);
    catalog.add(full);
    catalog.add(bare);

    assertThat(catalog.find("bk-1"))
        .contains(
            new BackupRecord(
                "bk-1",
                millis(at),
                full.appVersion(),
                full.schemaVersion(),
                full.sha256Hex(),
                full.size(),
                full.engine(),
                full.database(),
                full.runId(),
                full.kind(),
                full.storeKey(),
                full.codec()));
    assertThat(catalog.find("bk-2"))
        .hasValueSatisfying(
            b -> {
              assertThat(b.appVersion()).isEmpty();
              assertThat(b.schemaVersion()).isEmpty();
              assertThat(b.runId()).isEmpty();
              assertThat(b.kind()).isEqualTo(BackupKind.MANUAL);
            });
    assertThat(catalog.find("bk-none")).isEmpty();
  }

  @Test
  default void listIsNewestFirstAndRemoveForgets() {
    BackupCatalog catalog = journal().backupCatalog();
    catalog.add(bare("old", clock().instant()));
    catalog.add(full("newest", clock().advance(Duration.ofDays(2))));
    catalog.add(bare("middle", clock().instant().minus(Duration.ofDays(1))));

    assertThat(catalog.list())
        .extracting(BackupRecord::backupId)
        .containsExactly("newest", "middle", "old");
    catalog.remove("middle");
    catalog.remove("never-there");
    assertThat(catalog.list()).extracting(BackupRecord::backupId).containsExactly("newest", "old");
  }

  @Test
  default void aBackupIdCanBeAddedOnlyOnce() {
    BackupCatalog catalog = journal().backupCatalog();
    catalog.add(bare("bk-1", clock().instant()));
    assertThatThrownBy(() -> catalog.add(full("bk-1", clock().instant())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bk-1");
    assertThat(catalog.find("bk-1")).map(BackupRecord::engine).contains("sqlite");
  }
}

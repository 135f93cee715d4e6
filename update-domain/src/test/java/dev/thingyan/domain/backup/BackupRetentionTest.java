package dev.thingyan.domain.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.BackupKind;
import dev.thingyan.ports.model.BackupRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackupRetentionTest {

  private static BackupRecord b(int day) {
    return new BackupRecord("b" + day, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(day * 86400L),
        Optional.empty(), Optional.empty(), "0".repeat(64), 1, "sqlite", "db", Optional.empty(),
        BackupKind.PRE_UPDATE, "k" + day, "zstd");
  }

  @Test
  void keepsTheNewestAndDeletesOldestFirst() {
    List<BackupRecord> all = IntStream.rangeClosed(1, 6).mapToObj(BackupRetentionTest::b).toList();
    assertThat(BackupRetention.toDelete(all, 3, Set.of())).extracting(BackupRecord::backupId)
        .containsExactly("b1", "b2", "b3");
  }

  @Test
  void neverDeletesTheProtectedBackupEvenWhenItIsOlderThanTheNewestN() {
    List<BackupRecord> all = IntStream.rangeClosed(1, 6).mapToObj(BackupRetentionTest::b).toList();
    assertThat(BackupRetention.toDelete(all, 3, Set.of("b1"))).extracting(BackupRecord::backupId)
        .containsExactly("b2", "b3");
  }

  @Test
  void fewerThanThreeIsRefused() {
    assertThatThrownBy(() -> BackupRetention.toDelete(List.of(), 2, Set.of())).hasMessageContaining("at least 3");
  }
}

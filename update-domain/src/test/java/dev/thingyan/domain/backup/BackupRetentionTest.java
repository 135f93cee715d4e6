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

  private static final Instant NOW = Instant.parse("2026-11-08T00:00:00Z");

  private static BackupRecord b(int day) {
    return b(day, BackupKind.PRE_UPDATE);
  }

  private static BackupRecord b(int day, BackupKind kind) {
    return new BackupRecord("b" + day, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(day * 86400L),
        Optional.empty(), Optional.empty(), "0".repeat(64), 1, "sqlite", "db", Optional.empty(),
        kind, "k" + day, "zstd");
  }

  @Test
  void keepsTheNewestAndDeletesOldestFirst() {
    List<BackupRecord> all = IntStream.rangeClosed(1, 6).mapToObj(BackupRetentionTest::b).toList();
    assertThat(BackupRetention.toDelete(all, 3, Set.of(), NOW)).extracting(BackupRecord::backupId)
        .containsExactly("b1", "b2", "b3");
  }

  @Test
  void neverDeletesTheProtectedBackupEvenWhenItIsOlderThanTheNewestN() {
    List<BackupRecord> all = IntStream.rangeClosed(1, 6).mapToObj(BackupRetentionTest::b).toList();
    assertThat(BackupRetention.toDelete(all, 3, Set.of("b1"), NOW)).extracting(BackupRecord::backupId)
        .containsExactly("b2", "b3");
  }

  @Test
  void keepsASafetyBackupForThirtyDaysWhateverTheCount() {
    // b2 holds what a failed update wrote before its rollback restored b1; b1..b3 are beyond the newest 3
    List<BackupRecord> all = List.of(b(1), b(2, BackupKind.SAFETY), b(3, BackupKind.SAFETY), b(4), b(5), b(6));

    assertThat(BackupRetention.toDelete(all, 3, Set.of(), NOW)).extracting(BackupRecord::backupId)
        .containsExactly("b1");
    Instant later = Instant.parse("2026-11-03T00:00:00Z").plusSeconds(30 * 86400L).plusSeconds(1);
    assertThat(BackupRetention.toDelete(all, 3, Set.of(), later)).as("b2 is older than 30 days then")
        .extracting(BackupRecord::backupId).containsExactly("b1", "b2");
  }

  @Test
  void neverDeletesTheBackupJustTakenWhenOlderOnesCarryLaterDates() {
    // three backups made while the server clock was a year ahead, then the clock was corrected
    List<BackupRecord> all = new java.util.ArrayList<>(IntStream.rangeClosed(365, 367).mapToObj(BackupRetentionTest::b).toList());
    all.add(b(7));

    assertThat(BackupRetention.toDelete(all, 3, Set.of("b7"), NOW)).isEmpty();
  }

  @Test
  void fewerThanThreeIsRefused() {
    assertThatThrownBy(() -> BackupRetention.toDelete(List.of(), 2, Set.of(), NOW)).hasMessageContaining("at least 3");
  }
}

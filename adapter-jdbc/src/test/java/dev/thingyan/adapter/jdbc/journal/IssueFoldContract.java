package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalFixture.millis;
import static dev.thingyan.adapter.jdbc.journal.OutboxReports.FP_A;
import static dev.thingyan.adapter.jdbc.journal.OutboxReports.FP_B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.Occurrences;
import dev.thingyan.ports.model.report.QueuedReport;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.model.report.TrackedIssue.Status;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Folding reports into the map: atomic, idempotent per report, safe between processes. */
interface IssueFoldContract extends OutboxFixture {

  @Test
  default void foldCreatesTheRowCountsWidensTheSeenTimesAndKeepsTheNewestVersion() {
    Instant first = millis(clock().instant());
    List<Long> ids = enqueue(FP_A, "1.2.0", "1.10.0", "1.9.0");
    Instant last = millis(clock().instant().minusSeconds(1));

    TrackedIssue row = foldPending(FP_A);

    assertThat(row).isEqualTo(new TrackedIssue(FP_A, Status.NEW, OptionalLong.empty(),
        false, TITLE, 3, 3, first, last, Optional.of(Version.parse("1.10.0")), Optional.empty(),
        Optional.empty(), ids.get(2), 0, Optional.empty()));
    assertThat(outbox().issue(FP_A)).contains(row);
    assertThat(outbox().pending(10)).isEmpty();
    assertThat(outbox().stats().delivered()).isEqualTo(3);
  }

  @Test
  default void foldingTheSameReportsAgainCountsNothingAndNewOnesAddUp() {
    List<Long> ids = enqueue(FP_A, "1.0.0", "1.0.0");
    List<QueuedReport> group = outbox().pending(10);
    TrackedIssue once = outbox().fold(FP_A, TITLE, ids, OutboxFixture.occurrences(group));

    assertThat(outbox().fold(FP_A, TITLE, ids, OutboxFixture.occurrences(group))).isEqualTo(once);
    long later = enqueue(FP_A, "2.0.0").get(0);
    List<Long> all = List.of(ids.get(0), ids.get(1), later);
    TrackedIssue twice = outbox().fold(FP_A, "another title", all,
        OutboxFixture.occurrences(outbox().pending(10)));

    assertThat(twice.occurrences()).isEqualTo(3);
    assertThat(twice.unreported()).isEqualTo(3);
    assertThat(twice.title()).isEqualTo(TITLE);
    assertThat(twice.maxVersion()).contains(Version.parse("2.0.0"));
    assertThat(twice.latestReportId()).isEqualTo(later);
    assertThat(twice.firstSeen()).isEqualTo(once.firstSeen());
    assertThat(twice.lastSeen()).isAfter(once.lastSeen());
  }

  @Test
  default void reportsOfAnotherFingerprintAreNotFoldedIntoThisOne() {
    long a = enqueue(FP_A, "1.0.0").get(0);
    long b = enqueue(FP_B, "1.0.0").get(0);

    TrackedIssue row = outbox().fold(FP_A, TITLE, List.of(a, b),
        OutboxFixture.occurrences(outbox().pending(10)));

    assertThat(row.occurrences()).isEqualTo(1);
    assertThat(outbox().pending(10)).extracting(QueuedReport::id).containsExactly(b);
  }

  @Test
  default void twoProcessesFoldingTheSameReportsAtOnceCountEachReportOnce() throws Exception {
    try (TwoProcesses two = new TwoProcesses(settings())) {
      for (int round = 0; round < 10; round++) {
        String fp = String.format("%064x", round + 1);
        List<Long> ids = enqueue(fp, "1.0.0", "1.0.1", "1.0.2");
        Occurrences seen = OutboxFixture.occurrences(outbox().pending(100));

        List<TrackedIssue> rows = two.race((o, racer) -> o.fold(fp, TITLE, ids, seen));

        assertThat(rows).as("round %d", round).extracting(TrackedIssue::occurrences)
            .containsExactly(3L, 3L);
        assertThat(outbox().issue(fp).orElseThrow().unreported()).isEqualTo(3);
        assertThat(outbox().pending(100)).isEmpty();
      }
      assertThat(outbox().stats().delivered()).isEqualTo(30);
    }
  }

  @Test
  default void issuesListTheMostRecentlySeenFirst() {
    enqueue(FP_A, "1.0.0");
    enqueue(FP_B, "1.0.0");
    foldPending(FP_B);
    foldPending(FP_A);

    assertThat(outbox().issues(10)).extracting(TrackedIssue::fingerprint)
        .containsExactly(FP_B, FP_A);
    assertThat(outbox().issues(1)).extracting(TrackedIssue::fingerprint).containsExactly(FP_B);
    assertThat(outbox().issue("f".repeat(64))).isEmpty();
  }
}

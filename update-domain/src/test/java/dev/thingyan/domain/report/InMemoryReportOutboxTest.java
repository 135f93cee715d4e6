package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.Occurrences;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.model.report.TrackedIssue.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fixture keeps the ReportOutbox javadoc, or the delivery tests prove nothing. */
class InMemoryReportOutboxTest {
  private static final String FP = "a".repeat(64);
  private static final Instant T = DeliveryWorld.T0;
  private final InMemoryReportOutbox outbox = new InMemoryReportOutbox();
  private final ErrorReport report = new ReportValidator(Clock.systemUTC())
      .validate(Reports.valid());

  private TrackedIssue foldAll() {
    List<Long> ids = outbox.pending(100).stream().map(q -> q.id()).toList();
    return outbox.fold(FP, "title", ids, new Occurrences(Math.max(1, ids.size()), T, T,
        report.appVersion(), ids.isEmpty() ? 0 : ids.get(ids.size() - 1)));
  }

  @Test
  void foldCountsEachReportOnceAndMarksItDelivered() {
    long first = outbox.enqueue(FP, report, T);
    long second = outbox.enqueue(FP, report, T.plusSeconds(5));
    assertThat(second).isGreaterThan(first);
    TrackedIssue row = foldAll();
    assertThat(row.status()).isEqualTo(Status.NEW);
    assertThat(row.occurrences()).isEqualTo(2);
    assertThat(row.lastSeen()).isEqualTo(T.plusSeconds(5));
    assertThat(outbox.fold(FP, "t", List.of(first, second),
        new Occurrences(2, T, T, Optional.empty(), second)).occurrences())
        .as("folded reports are skipped").isEqualTo(2);
    assertThat(outbox.pending(10)).isEmpty();
    assertThatThrownBy(() -> outbox.fold("b".repeat(64), "t",
        List.of(outbox.enqueue(FP, report, T)), new Occurrences(1, T, T, Optional.empty(), 3)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void linkedReportedUnlinkedMoveTheCounts() {
    outbox.enqueue(FP, report, T);
    foldAll();
    outbox.linked(FP, 7, false, true, T);
    outbox.enqueue(FP, report, T.plusSeconds(1));
    foldAll();
    assertThat(outbox.dueForComment(T, 10)).extracting(TrackedIssue::fingerprint)
        .containsExactly(FP);
    assertThat(outbox.dueForComment(T.minusSeconds(1), 10)).isEmpty();
    outbox.reported(FP, 1, report.appVersion(), true, T.plusSeconds(2));
    assertThat(outbox.issue(FP).orElseThrow().unreported()).isZero();
    assertThatThrownBy(() -> outbox.reported(FP, 1, Optional.empty(), true, T))
        .isInstanceOf(IllegalStateException.class);
    outbox.unlinked(FP, "deleted");
    TrackedIssue row = outbox.issue(FP).orElseThrow();
    assertThat(row.status()).isEqualTo(Status.NEW);
    assertThat(row.unreported()).isEqualTo(2);
    assertThat(outbox.awaitingIssue(10)).hasSize(1);
  }

  @Test
  void rejectedReportsAreKeptAndRequeued() {
    outbox.enqueue(FP, report, T);
    foldAll();
    outbox.rejected(FP, "422");
    outbox.enqueue(FP, report, T);
    foldAll();
    assertThat(outbox.pruneDelivered(T.plusSeconds(60))).isZero();
    assertThat(outbox.stats().rejected()).isEqualTo(2);
    assertThat(outbox.retryRejected()).isEqualTo(1);
    assertThat(outbox.pruneDelivered(T.plusSeconds(60))).isEqualTo(2);
  }

  @Test
  void oneLeaseHolderUntilItExpiresOrIsReleased() {
    assertThat(outbox.tryLease("a", T, Duration.ofMinutes(2))).isTrue();
    assertThat(outbox.tryLease("b", T.plusSeconds(119), Duration.ofMinutes(2))).isFalse();
    assertThat(outbox.tryLease("a", T.plusSeconds(119), Duration.ofMinutes(2))).isTrue();
    assertThat(outbox.tryLease("b", T.plusSeconds(239), Duration.ofMinutes(2))).isTrue();
    outbox.releaseLease("a");
    assertThat(outbox.leaseHolder()).contains("b");
    outbox.releaseLease("b");
    assertThat(outbox.tryLease("a", T, Duration.ofMinutes(2))).isTrue();
  }
}

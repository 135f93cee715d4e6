package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalFixture.millis;
import static dev.thingyan.adapter.jdbc.journal.OutboxReports.FP_A;
import static dev.thingyan.adapter.jdbc.journal.OutboxReports.FP_B;
import static dev.thingyan.adapter.jdbc.journal.OutboxReports.FP_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.OutboxStats;
import dev.thingyan.ports.model.report.PendingReport;
import dev.thingyan.ports.model.report.QueuedReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The outbox itself: what goes in comes out equal, in order, until it is pruned. */
interface OutboxQueueContract extends OutboxFixture {

  @Test
  default void everyFieldOfAReportRoundTripsEvenBurmeseNestedContextAndA500KbStackTrace() {
    ErrorReport full = OutboxReports.full(500_000);
    ErrorReport bare = OutboxReports.bare("folio", Optional.empty());
    ErrorReport typical = OutboxReports.typical();
    Instant at = clock().instant();

    long a = outbox().enqueue(FP_A, full, at);
    long b = outbox().enqueue(FP_B, bare, at);
    long c = outbox().enqueue(FP_C, typical, at.plusMillis(1));

    assertThat(outbox().pending(10))
        .containsExactly(
            new QueuedReport(a, FP_A, full, millis(at)),
            new QueuedReport(b, FP_B, bare, millis(at)),
            new QueuedReport(c, FP_C, typical, millis(at.plusMillis(1))));
    assertThat(outbox().report(a)).contains(new QueuedReport(a, FP_A, full, millis(at)));
    ErrorReport back = outbox().report(a).orElseThrow().report();
    assertThat(back.context()).isEqualTo(full.context());
    assertThat(back.stackTrace().raw()).hasSize(500_000).isEqualTo(full.stackTrace().raw());
    assertThat(back.occurredAt()).isEqualTo(full.occurredAt());
    assertThat(outbox().report(c + 1000)).isEmpty();
  }

  @Test
  default void pendingIsOldestFirstWithIncreasingIdsAndHonoursTheLimit() {
    List<Long> ids = enqueue(FP_A, "1.0.0", "1.0.1");
    ids = List.of(ids.get(0), ids.get(1), enqueue(FP_B, "1.0.2").get(0),
        enqueue(FP_A, "1.0.3").get(0));

    assertThat(ids).isSorted().doesNotHaveDuplicates();
    assertThat(outbox().pending(10)).extracting(QueuedReport::id).containsExactlyElementsOf(ids);
    assertThat(outbox().pending(2)).extracting(QueuedReport::id).containsExactly(ids.get(0),
        ids.get(1));
    assertThat(outbox().pending(0)).isEmpty();
    assertThatThrownBy(() -> outbox().pending(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  default void pendingHeadsArePendingWithoutTheirBodies() {
    enqueue(FP_A, "1.0.0");
    enqueue(FP_B, "1.0.2");
    outbox().enqueue(FP_C, OutboxReports.bare("folio", Optional.empty()), clock().instant());

    assertThat(outbox().pendingHeads(10)).containsExactlyElementsOf(outbox().pending(10).stream()
        .map(r -> new PendingReport(r.id(), r.fingerprint(), r.acceptedAt(),
            r.report().appVersion())).toList());
    assertThat(outbox().pendingHeads(10)).extracting(PendingReport::appVersion)
        .extracting(v -> v.map(Object::toString).orElse("none"))
        .containsExactly("1.0.0", "1.0.2", "none");
    assertThat(outbox().pendingHeads(1)).hasSize(1);
  }

  @Test
  default void anInvalidFingerprintIsRefusedBeforeAnythingIsStored() {
    assertThatThrownBy(() -> outbox().enqueue("ABC", OutboxReports.bare("1.0.0"),
        clock().instant()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fingerprint");
    assertThat(outbox().pending(10)).isEmpty();
  }

  @Test
  default void pruningDeletesOnlyDeliveredReportsAcceptedBeforeTheCutOff() {
    Instant start = clock().instant();
    List<Long> delivered = enqueue(FP_A, "1.0.0", "1.0.1");
    foldPending(FP_A);
    List<Long> rejected = enqueue(FP_B, "1.0.0");
    foldPending(FP_B);
    outbox().rejected(FP_B, "422 Validation Failed");
    List<Long> pending = enqueue(FP_C, "1.0.0");
    Instant late = clock().instant();
    List<Long> deliveredLate = enqueue(FP_A, "1.0.2");
    foldPending(FP_A);

    assertThat(outbox().pruneDelivered(start)).isZero();
    assertThat(outbox().pruneDelivered(late)).isEqualTo(2);

    assertThat(outbox().report(delivered.get(0))).isEmpty();
    assertThat(outbox().report(delivered.get(1))).isEmpty();
    assertThat(outbox().report(rejected.get(0))).isPresent();
    assertThat(outbox().report(pending.get(0))).isPresent();
    assertThat(outbox().report(deliveredLate.get(0))).isPresent();
    assertThat(outbox().pending(10)).extracting(QueuedReport::id)
        .containsExactlyElementsOf(pending);
    assertThat(outbox().stats()).isEqualTo(new OutboxStats(1, 1, 1, 0, 4));
    clock().advance(Duration.ofDays(30));
    assertThat(outbox().pruneDelivered(clock().instant())).isEqualTo(1);
  }

  @Test
  default void statsCountReportsByStatusIssuesAndUnreportedOccurrences() {
    assertThat(outbox().stats()).isEqualTo(new OutboxStats(0, 0, 0, 0, 0));
    linkedIssue(FP_A, 7, "1.0.0", "1.0.0");
    enqueue(FP_A, "1.0.1");
    foldPending(FP_A);
    enqueue(FP_B, "1.0.0", "1.0.0", "1.0.0");
    foldPending(FP_B);
    outbox().rejected(FP_B, "422");
    enqueue(FP_C, "1.0.0", "1.0.0");

    assertThat(outbox().stats()).isEqualTo(new OutboxStats(2, 3, 3, 1, 4));
  }
}

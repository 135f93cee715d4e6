package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalFixture.millis;
import static dev.thingyan.adapter.jdbc.journal.OutboxReports.FP_A;
import static dev.thingyan.adapter.jdbc.journal.OutboxReports.FP_B;
import static dev.thingyan.adapter.jdbc.journal.OutboxReports.FP_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.model.report.TrackedIssue.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The fingerprint → issue map through the life of an issue. */
interface IssueMapContract extends OutboxFixture {

  @Test
  default void creatingCountsAttemptsAndLinkingWithAReportClearsUnreported() {
    enqueue(FP_A, "1.0.0", "1.3.0");
    foldPending(FP_A);
    outbox().creating(FP_A, clock().instant());
    outbox().creating(FP_A, clock().instant());
    assertThat(outbox().issue(FP_A).orElseThrow().status()).isEqualTo(Status.CREATING);
    assertThat(outbox().awaitingIssue(10)).extracting(TrackedIssue::createAttempts)
        .containsExactly(2);
    outbox().failed(FP_A, "502 Bad Gateway");
    assertThat(outbox().issue(FP_A).orElseThrow().status()).isEqualTo(Status.CREATING);
    Instant at = clock().advance(Duration.ofMinutes(1));

    outbox().linked(FP_A, 42, false, true, at);

    TrackedIssue row = outbox().issue(FP_A).orElseThrow();
    assertThat(row.status()).isEqualTo(Status.LINKED);
    assertThat(row.issueNumber()).isEqualTo(OptionalLong.of(42));
    assertThat(row.occurrences()).isEqualTo(2);
    assertThat(row.unreported()).isZero();
    assertThat(row.reportedVersion()).contains(Version.parse("1.3.0"));
    assertThat(row.lastReportedAt()).contains(millis(at));
    assertThat(row.lastError()).isEmpty();
    assertThat(outbox().issueByNumber(42)).contains(row);
    assertThat(outbox().issueByNumber(43)).isEmpty();
    assertThat(outbox().awaitingIssue(10)).isEmpty();
  }

  @Test
  default void linkingFoundByMarkerKeepsOccurrencesUnreportedAndReportedSubtractsThem() {
    enqueue(FP_A, "1.0.0", "1.1.0", "1.1.0");
    foldPending(FP_A);
    outbox().linked(FP_A, 9, true, false, clock().instant());
    assertThat(outbox().issue(FP_A).orElseThrow().unreported()).isEqualTo(3);
    Instant at = clock().advance(Duration.ofMinutes(5));

    outbox().reported(FP_A, 2, Optional.of(Version.parse("1.1.0")), false, at);
    TrackedIssue row = outbox().issue(FP_A).orElseThrow();
    assertThat(row.unreported()).isEqualTo(1);
    assertThat(row.occurrences()).isEqualTo(3);
    assertThat(row.closed()).isFalse();
    assertThat(row.reportedVersion()).contains(Version.parse("1.1.0"));
    assertThat(row.lastReportedAt()).contains(millis(at));

    outbox().reported(FP_A, 5, Optional.of(Version.parse("1.0.0")), true, at.plusSeconds(1));
    row = outbox().issue(FP_A).orElseThrow();
    assertThat(row.unreported()).isZero();
    assertThat(row.closed()).isTrue();
    assertThat(row.reportedVersion()).as("never lowered").contains(Version.parse("1.1.0"));
  }

  @Test
  default void aRejectedFingerprintKeepsItsReportsUntilTheAdminRetries() {
    enqueue(FP_A, "1.0.0", "1.0.0");
    foldPending(FP_A);
    outbox().creating(FP_A, clock().instant());

    outbox().rejected(FP_A, "422 Validation Failed");
    enqueue(FP_A, "1.0.1");
    TrackedIssue row = foldPending(FP_A);

    assertThat(row.status()).isEqualTo(Status.REJECTED);
    assertThat(row.occurrences()).isEqualTo(3);
    assertThat(row.lastError()).contains("422 Validation Failed");
    assertThat(outbox().pending(10)).isEmpty();
    assertThat(outbox().stats().rejected()).isEqualTo(3);
    assertThat(outbox().awaitingIssue(10)).isEmpty();

    assertThat(outbox().retryRejected()).isEqualTo(1);
    assertThat(outbox().issue(FP_A).orElseThrow().status()).isEqualTo(Status.NEW);
    assertThat(outbox().stats().rejected()).isZero();
    assertThat(outbox().stats().delivered()).isEqualTo(3);
    assertThat(outbox().awaitingIssue(10)).extracting(TrackedIssue::fingerprint)
        .containsExactly(FP_A);
    assertThat(outbox().retryRejected()).isZero();
  }

  @Test
  default void unlinkingMakesEveryOccurrenceUnreportedForANewIssue() {
    linkedIssue(FP_A, 42, "1.0.0", "1.2.0", "1.2.0");

    outbox().unlinked(FP_A, "issue 42 was deleted");

    TrackedIssue row = outbox().issue(FP_A).orElseThrow();
    assertThat(row.status()).isEqualTo(Status.NEW);
    assertThat(row.issueNumber()).isEmpty();
    assertThat(row.unreported()).isEqualTo(3).isEqualTo(row.occurrences());
    assertThat(row.reportedVersion()).isEmpty();
    assertThat(row.lastReportedAt()).isEmpty();
    assertThat(row.createAttempts()).isZero();
    assertThat(row.maxVersion()).contains(Version.parse("1.2.0"));
    assertThat(row.lastError()).contains("issue 42 was deleted");
    assertThat(outbox().issueByNumber(42)).isEmpty();
    assertThat(outbox().awaitingIssue(10)).containsExactly(row);
  }

  @Test
  default void dueForCommentWantsLinkedRowsWithUnreportedOccurrencesNotReportedSince() {
    Instant aReported = linkedIssue(FP_A, 1, "1.0.0").lastReportedAt().orElseThrow();
    enqueue(FP_A, "1.0.0");
    foldPending(FP_A);
    enqueue(FP_B, "1.0.0");
    foldPending(FP_B);
    outbox().linked(FP_B, 2, false, false, clock().instant()); // never reported
    clock().advance(Duration.ofMinutes(10));
    Instant cReported = linkedIssue(FP_C, 3, "1.0.0").lastReportedAt().orElseThrow();
    enqueue(FP_C, "1.0.0");
    foldPending(FP_C);
    String unreportedNone = "d".repeat(64);
    linkedIssue(unreportedNone, 4, "1.0.0");
    String notLinked = "e".repeat(64);
    enqueue(notLinked, "1.0.0");
    foldPending(notLinked);

    assertThat(fingerprints(aReported.minusMillis(1), 10)).containsExactly(FP_B);
    assertThat(fingerprints(aReported, 10)).containsExactly(FP_B, FP_A);
    assertThat(fingerprints(cReported.minusMillis(1), 10)).containsExactly(FP_B, FP_A);
    assertThat(fingerprints(cReported, 10)).containsExactly(FP_B, FP_A, FP_C);
    assertThat(fingerprints(cReported, 1)).containsExactly(FP_B);
  }

  private List<String> fingerprints(Instant before, int limit) {
    return outbox().dueForComment(before, limit).stream().map(TrackedIssue::fingerprint).toList();
  }

  @Test
  default void awaitingIssueListsNewAndCreatingRowsEarliestSeenFirst() {
    enqueue(FP_B, "1.0.0");
    enqueue(FP_A, "1.0.0");
    enqueue(FP_C, "1.0.0");
    foldPending(FP_A);
    foldPending(FP_B);
    foldPending(FP_C);
    outbox().creating(FP_A, clock().instant());
    outbox().linked(FP_C, 5, false, true, clock().instant());

    assertThat(outbox().awaitingIssue(10)).extracting(TrackedIssue::fingerprint)
        .containsExactly(FP_B, FP_A);
    assertThat(outbox().awaitingIssue(1)).extracting(TrackedIssue::fingerprint)
        .containsExactly(FP_B);
  }

  @Test
  default void changingAnUnknownFingerprintIsRefusedButLinkingOneRebuildsItsRow() {
    assertThatThrownBy(() -> outbox().failed(FP_A, "boom"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(FP_A.substring(0, 12));
    assertThat(outbox().issue(FP_A)).isEmpty();
    Instant at = clock().instant();

    outbox().linked(FP_A, 77, true, false, at);

    assertThat(outbox().issue(FP_A)).contains(new TrackedIssue(FP_A, Status.LINKED,
        OptionalLong.of(77), true, "", 0, 0, millis(at), millis(at), Optional.empty(),
        Optional.empty(), Optional.empty(), 0, 0, Optional.empty()));
    clock().advance(Duration.ofMinutes(1));
    enqueue(FP_A, "1.0.0");
    TrackedIssue row = foldPending(FP_A);
    assertThat(row.occurrences()).isEqualTo(1);
    assertThat(row.firstSeen()).as("the rebuilt row had no occurrence before").isAfter(at);
  }
}

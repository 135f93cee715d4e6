package dev.thingyan.ports.out;

import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.DeliveryState;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.Occurrences;
import dev.thingyan.ports.model.report.OutboxStats;
import dev.thingyan.ports.model.report.PendingReport;
import dev.thingyan.ports.model.report.QueuedReport;
import dev.thingyan.ports.model.report.TrackedIssue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The error-report outbox and the fingerprint → issue map, kept in the journal database. A report
 * is durable when {@link #enqueue} returns; every other method is one transaction, so a process
 * killed at any moment leaves either the state before or the state after.
 */
public interface ReportOutbox {

  /**
   * Stores a redacted report durably.
   *
   * @return the outbox id (increasing in the order of acceptance)
   */
  long enqueue(String fingerprint, ErrorReport redacted, Instant acceptedAt);

  /** @return up to {@code limit} reports not yet folded or rejected, oldest first. */
  List<QueuedReport> pending(int limit);

  /** @return the same as {@link #pending}, without the reports' bodies. */
  List<PendingReport> pendingHeads(int limit);

  /** @return one stored report, pending or not, while it is kept. */
  Optional<QueuedReport> report(long id);

  /** @return the map row of a fingerprint. */
  Optional<TrackedIssue> issue(String fingerprint);

  /** @return the map row of an issue number. */
  Optional<TrackedIssue> issueByNumber(long issueNumber);

  /** @return map rows, the most recently seen first. */
  List<TrackedIssue> issues(int limit);

  /**
   * Folds reports into their fingerprint's map row, creating the row (status {@code NEW}, the
   * given title) when there is none: adds to {@code occurrences} and {@code unreported}, widens
   * first/last seen and the max version, and marks the reports delivered, all at once. Reports
   * already folded or rejected are skipped and not counted again.
   *
   * @return the row afterwards
   */
  TrackedIssue fold(String fingerprint, String title, List<Long> reportIds, Occurrences seen);

  /**
   * Records that a create request is about to be sent: status {@code CREATING}, one more attempt.
   */
  void creating(String fingerprint, Instant at);

  /**
   * Links a fingerprint to an issue (after a create, or found by its marker): status
   * {@code LINKED}. When {@code reported} is true the issue's body told GitHub of every
   * occurrence so far: {@code unreported} becomes 0, {@code reportedVersion} the max version and
   * {@code lastReportedAt} {@code at}. When the fingerprint has no row yet (the map is being
   * rebuilt from GitHub) one is created: empty title, no occurrences, first and last seen
   * {@code at}.
   */
  void linked(String fingerprint, long issueNumber, boolean closed, boolean reported, Instant at);

  /**
   * Records a comment (or a reopen with a comment) that told GitHub of {@code count} more
   * occurrences: subtracts them from {@code unreported}, sets {@code lastReportedAt}, raises
   * {@code reportedVersion} to {@code upTo} and stores the issue's state as seen.
   */
  void reported(String fingerprint, long count, Optional<Version> upTo,
      boolean closed, Instant at);

  /** Records a failed attempt for one fingerprint, keeping its status. */
  void failed(String fingerprint, String error);

  /**
   * GitHub refused the issue (a 4xx that retrying cannot fix): status {@code REJECTED}. Nothing
   * is deleted.
   */
  void rejected(String fingerprint, String error);

  /**
   * Forgets the issue of a fingerprint (it was deleted or transferred on GitHub): status
   * {@code NEW}, every occurrence unreported again, so the next pass creates a new issue.
   */
  void unlinked(String fingerprint, String why);

  /** Puts rejected fingerprints back to {@code NEW} (the admin fixed the cause). */
  int retryRejected();

  /**
   * @return linked rows with unreported occurrences whose last report is at or before
   *     {@code reportedBefore} (or never), oldest report first
   */
  List<TrackedIssue> dueForComment(Instant reportedBefore, int limit);

  /** @return fingerprints with status {@code NEW} or {@code CREATING}, earliest seen first. */
  List<TrackedIssue> awaitingIssue(int limit);

  DeliveryState deliveryState();

  void saveDeliveryState(DeliveryState state);

  /**
   * Takes or renews the delivery lease, so that one worker in all processes sends to GitHub.
   *
   * @return true when {@code owner} holds the lease until {@code now + ttl}
   */
  boolean tryLease(String owner, Instant now, Duration ttl);

  /** Gives the lease up if {@code owner} holds it. */
  void releaseLease(String owner);

  /**
   * Deletes delivered reports accepted before {@code before}; pending and rejected ones are kept.
   *
   * @return how many were deleted
   */
  int pruneDelivered(Instant before);

  OutboxStats stats();
}

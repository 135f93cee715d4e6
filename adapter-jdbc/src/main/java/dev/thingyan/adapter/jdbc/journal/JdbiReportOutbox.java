package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.adapter.jdbc.journal.OutboxRows.NewReport;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.DeliveryState;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.Fingerprints;
import dev.thingyan.ports.model.report.Occurrences;
import dev.thingyan.ports.model.report.OutboxStats;
import dev.thingyan.ports.model.report.PendingReport;
import dev.thingyan.ports.model.report.QueuedReport;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.out.ReportOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The report outbox and the fingerprint → issue map in the journal database. Every method is one
 * transaction. {@link #enqueue} is one INSERT committed on its own: H2, PostgreSQL and InnoDB
 * already share one log write among commits that arrive together, and measured faster that way
 * than with a group commit of our own (see {@code OutboxEnqueueBench} in the tests).
 */
public final class JdbiReportOutbox implements ReportOutbox {

  private final Jdbi jdbi;
  private final IssueMapWriter writer;

  public JdbiReportOutbox(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.writer = new IssueMapWriter(jdbi);
  }

  @Override
  public long enqueue(String fingerprint, ErrorReport redacted, Instant acceptedAt) {
    Fingerprints.check(fingerprint);
    Objects.requireNonNull(redacted, "redacted");
    Objects.requireNonNull(acceptedAt, "acceptedAt");
    // serialised before the connection is taken, so the pool's connections only insert
    NewReport row = new NewReport(fingerprint, acceptedAt, redacted.appVersion(),
        ReportJson.write(redacted));
    return jdbi.withHandle(h -> OutboxRows.insert(h, row));
  }

  @Override
  public List<QueuedReport> pending(int limit) {
    return jdbi.withHandle(h -> OutboxRows.pending(h, nonNegative(limit)));
  }

  @Override
  public List<PendingReport> pendingHeads(int limit) {
    return jdbi.withHandle(h -> OutboxRows.pendingHeads(h, nonNegative(limit)));
  }

  @Override
  public Optional<QueuedReport> report(long id) {
    return jdbi.withHandle(h -> OutboxRows.find(h, id));
  }

  @Override
  public Optional<TrackedIssue> issue(String fingerprint) {
    return jdbi.withHandle(h -> IssueMap.find(h, fingerprint));
  }

  @Override
  public Optional<TrackedIssue> issueByNumber(long issueNumber) {
    return jdbi.withHandle(h -> IssueMap.byNumber(h, issueNumber));
  }

  @Override
  public List<TrackedIssue> issues(int limit) {
    return jdbi.withHandle(h -> IssueMap.recentlySeen(h, nonNegative(limit)));
  }

  @Override
  public TrackedIssue fold(String fingerprint, String title, List<Long> reportIds,
      Occurrences seen) {
    return writer.fold(Fingerprints.check(fingerprint), Objects.requireNonNull(title, "title"),
        List.copyOf(reportIds), Objects.requireNonNull(seen, "seen"));
  }

  @Override
  public void creating(String fingerprint, Instant at) {
    // TrackedIssue has no field for when the create was sent: the attempt count is what matters
    Objects.requireNonNull(at, "at");
    writer.change(fingerprint, IssueChanges::creating);
  }

  @Override
  public void linked(String fingerprint, long issueNumber, boolean closed, boolean reported,
      Instant at) {
    Objects.requireNonNull(at, "at");
    writer.link(fingerprint, t -> IssueChanges.linked(t, issueNumber, closed, reported, at), at);
  }

  @Override
  public void reported(String fingerprint, long count, Optional<Version> upTo, boolean closed,
      Instant at) {
    Objects.requireNonNull(upTo, "upTo");
    Objects.requireNonNull(at, "at");
    writer.change(fingerprint, t -> IssueChanges.reported(t, count, upTo, closed, at));
  }

  @Override
  public void failed(String fingerprint, String error) {
    Objects.requireNonNull(error, "error");
    writer.change(fingerprint, t -> IssueChanges.failed(t, error));
  }

  @Override
  public void rejected(String fingerprint, String error) {
    Objects.requireNonNull(error, "error");
    writer.reject(fingerprint, error);
  }

  @Override
  public void unlinked(String fingerprint, String why) {
    Objects.requireNonNull(why, "why");
    writer.change(fingerprint, t -> IssueChanges.unlinked(t, why));
  }

  @Override
  public int retryRejected() {
    return writer.retryRejected();
  }

  @Override
  public List<TrackedIssue> dueForComment(Instant reportedBefore, int limit) {
    Objects.requireNonNull(reportedBefore, "reportedBefore");
    return jdbi.withHandle(h -> IssueMap.dueForComment(h, reportedBefore, nonNegative(limit)));
  }

  @Override
  public List<TrackedIssue> awaitingIssue(int limit) {
    return jdbi.withHandle(h -> IssueMap.awaitingIssue(h, nonNegative(limit)));
  }

  @Override
  public DeliveryState deliveryState() {
    return jdbi.withHandle(DeliveryRows::state);
  }

  @Override
  public void saveDeliveryState(DeliveryState state) {
    Objects.requireNonNull(state, "state");
    jdbi.useTransaction(h -> DeliveryRows.save(h, state));
  }

  @Override
  public boolean tryLease(String owner, Instant now, Duration ttl) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(now, "now");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, got " + ttl);
    }
    return jdbi.withHandle(h -> DeliveryRows.tryLease(h, owner, now, ttl));
  }

  @Override
  public void releaseLease(String owner) {
    Objects.requireNonNull(owner, "owner");
    jdbi.useHandle(h -> DeliveryRows.releaseLease(h, owner));
  }

  @Override
  public int pruneDelivered(Instant before) {
    Objects.requireNonNull(before, "before");
    return jdbi.withHandle(h -> OutboxRows.prune(h, before));
  }

  @Override
  public OutboxStats stats() {
    return jdbi.inTransaction(OutboxRows::stats);
  }

  private static int nonNegative(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + limit);
    }
    return limit;
  }
}

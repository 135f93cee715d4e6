package dev.thingyan.domain.report;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.AuditEvent;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.DeliveryState;
import dev.thingyan.ports.model.report.QueuedReport;
import dev.thingyan.ports.model.report.RemoteIssue;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.out.IssueTrackerException;
import dev.thingyan.ports.out.IssueTrackerException.Kind;
import dev.thingyan.ports.out.ReportOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The requests to GitHub for one fingerprint: create (looking for a possibly created issue first
 * when an earlier create's outcome is unknown), occurrence comments, reopening, and rebuilding the
 * map from the markers. Every write waits for the spacing; the time of every write sent is kept
 * in the journal, so the spacing holds across passes and processes.
 */
final class IssueSync {
  static final String AUDIT_ACTION = "system.error_report.created";

  private final DeliveryContext ctx;
  private final ReportOutbox outbox;
  private final PassTally tally;

  IssueSync(DeliveryContext ctx, PassTally tally) {
    this.ctx = ctx;
    this.outbox = ctx.outbox();
    this.tally = tally;
  }

  void create(TrackedIssue row, Instant deadline) throws InterruptedException, PacedOut {
    // Look before creating, every time: after a create whose answer was lost (CREATING), but also
    // for a NEW row, which a journal restored from an older copy, or another process's map, can
    // hold for an error that already has its issue. One listing read per new error, since it was
    // first seen; a duplicate issue costs far more.
    Optional<RemoteIssue> found = findByMarker(row.fingerprint(), row.firstSeen());
    if (found.isPresent()) {
      if (row.status() == TrackedIssue.Status.CREATING) {
        // an earlier create of ours took effect and only its answer was lost: audit it now
        linkFound(row, found.get());
        audit(row.fingerprint(), found.get().number(), "created");
      } else {
        outbox.linked(row.fingerprint(), found.get().number(), !found.get().open(), false,
            ctx.now());
      }
      return;
    }
    Optional<QueuedReport> sample = sample(row);
    var issue = ctx.composer().issue(row, sample);
    pace(deadline, 0);
    outbox.creating(row.fingerprint(), ctx.now());
    RemoteIssue created;
    try {
      created = ctx.tracker().create(issue);
    } catch (IssueTrackerException e) {
      wrote();
      if (e.kind() == Kind.REJECTED) {
        outbox.rejected(row.fingerprint(), e.getMessage());
        return;
      }
      outbox.failed(row.fingerprint(), e.getMessage());
      throw e;
    }
    wrote();
    outbox.linked(row.fingerprint(), created.number(), !created.open(), true, ctx.now());
    tally.created++;
    audit(row.fingerprint(), created.number(), "created");
  }

  /**
   * Links an issue an earlier, lost create made. Its body told the occurrences folded until then;
   * those folded since are still to be told, so only the body's count is marked reported.
   */
  private void linkFound(TrackedIssue row, RemoteIssue issue) {
    OptionalLong told = IssueComposer.occurrencesIn(issue.body());
    if (told.isEmpty() || told.getAsLong() >= row.unreported()) {
      outbox.linked(row.fingerprint(), issue.number(), !issue.open(), true, ctx.now());
      return;
    }
    outbox.linked(row.fingerprint(), issue.number(), !issue.open(), false, ctx.now());
    outbox.reported(row.fingerprint(), told.getAsLong(), row.maxVersion(), !issue.open(),
        ctx.now());
  }

  void comment(TrackedIssue row, Instant deadline) throws InterruptedException, PacedOut {
    long number = row.issueNumber().getAsLong();
    RemoteIssue remote;
    try {
      remote = ctx.tracker().get(number);
    } catch (IssueTrackerException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        outbox.unlinked(row.fingerprint(), "issue #" + number + " is gone: " + e.getMessage());
        return;
      }
      throw e;
    }
    if (toldByALostComment(row, remote)) {
      return;
    }
    Optional<Version> newer = row.maxVersion().filter(max -> row.reportedVersion()
        .map(reported -> max.compareTo(reported) > 0).orElse(false));
    boolean reopened = !remote.open() && newer.isPresent() && reopen(row, deadline);
    Optional<QueuedReport> sample = sample(row);
    String body = reopened ? ctx.composer().reopenComment(row, newer.get(), sample)
        : ctx.composer().occurrenceComment(row, sample);
    try {
      write(deadline, 0, () -> ctx.tracker().comment(number, body));
    } catch (IssueTrackerException e) {
      if (e.kind() != Kind.REJECTED) {
        throw e;
      }
      // a comment GitHub refuses (a locked issue) would block this row for ever: count it told
      outbox.failed(row.fingerprint(), e.getMessage());
    }
    tally.commented++;
    outbox.reported(row.fingerprint(), row.unreported(), row.maxVersion(),
        !remote.open() && !reopened, ctx.now());
    audit(row.fingerprint(), number, reopened ? "reopened" : "commented");
  }

  /**
   * Looks for a comment of ours whose answer was lost (a timeout, a killed process): its marker
   * says how many occurrences it told. Those are marked told instead of posted again; the rest,
   * folded in since, go in the next comment. One read per comment: a doubled comment costs more.
   *
   * @return whether such a comment was found
   */
  private boolean toldByALostComment(TrackedIssue row, RemoteIssue remote) {
    long toldBefore = row.occurrences() - row.unreported();
    Instant since = row.lastReportedAt().orElse(row.firstSeen()).minusSeconds(60);
    OptionalLong told = IssueComposer.toldIn(
        ctx.tracker().commentsSince(remote.number(), since), row.fingerprint());
    if (told.isEmpty() || told.getAsLong() <= toldBefore) {
      return false;
    }
    long count = Math.min(told.getAsLong() - toldBefore, row.unreported());
    outbox.reported(row.fingerprint(), count, row.maxVersion(), !remote.open(), ctx.now());
    tally.commented++;
    audit(row.fingerprint(), remote.number(), "commented");
    return true;
  }

  /**
   * Reopens, leaving room before the deadline for the comment that says why (a reopen without
   * it would puzzle whoever closed the issue). A reopen GitHub refuses (a locked issue) would
   * block every comment behind this row, so the comment then goes without it.
   *
   * @return whether the issue was reopened
   */
  private boolean reopen(TrackedIssue row, Instant deadline) throws InterruptedException, PacedOut {
    long number = row.issueNumber().getAsLong();
    try {
      write(deadline, 1, () -> ctx.tracker().reopen(number));
    } catch (IssueTrackerException e) {
      if (e.kind() != Kind.REJECTED) {
        throw e;
      }
      outbox.failed(row.fingerprint(), e.getMessage());
      return false;
    }
    tally.reopened++;
    return true;
  }

  /** Links every marked issue that the local map does not know; the lowest number wins. */
  int rebuildMap() {
    List<RemoteIssue> issues = ctx.tracker().listLabelled(ctx.settings().labels(),
        Optional.empty());
    int linked = 0;
    for (RemoteIssue issue : issues.stream().sorted(Comparator.comparingLong(RemoteIssue::number))
        .toList()) {
      Optional<String> fp = IssueComposer.fingerprintIn(issue.body());
      Optional<TrackedIssue> local = fp.flatMap(outbox::issue);
      if (fp.isPresent() && local.map(t -> t.status() != TrackedIssue.Status.LINKED).orElse(true)) {
        // occurrences folded into a NEW (or refused) row were never sent: they stay unreported
        // for the next comment; a CREATING row's create may be this issue, which told them
        boolean told = local.map(t -> t.status() == TrackedIssue.Status.CREATING).orElse(true);
        outbox.linked(fp.get(), issue.number(), !issue.open(), told, ctx.now());
        linked++;
      }
    }
    DeliveryState s = outbox.deliveryState();
    outbox.saveDeliveryState(new DeliveryState(s.pausedUntil(), s.failures(), s.lastError(),
        s.lastWriteAt(), Optional.of(ctx.now())));
    return linked;
  }

  private Optional<RemoteIssue> findByMarker(String fingerprint, Instant since) {
    return ctx.tracker().listLabelled(ctx.settings().labels(), Optional.of(since.minusSeconds(60)))
        .stream().filter(i -> IssueComposer.fingerprintIn(i.body()).filter(fingerprint::equals)
            .isPresent())
        .min(Comparator.comparingLong(RemoteIssue::number));
  }

  private Optional<QueuedReport> sample(TrackedIssue row) {
    return row.latestReportId() > 0 ? outbox.report(row.latestReportId()) : Optional.empty();
  }

  /** @param more writes that must still fit before the deadline after this one */
  private void write(Instant deadline, int more, Runnable request)
      throws InterruptedException, PacedOut {
    pace(deadline, more);
    try {
      request.run();
    } finally {
      wrote();
    }
  }

  /** Waits for the spacing, or ends the pass when this write and {@code more} miss the deadline. */
  private void pace(Instant deadline, int more) throws InterruptedException, PacedOut {
    Duration spacing = ctx.settings().writeSpacing();
    Instant now = ctx.now();
    Instant next = outbox.deliveryState().lastWriteAt().map(last -> last.plus(spacing))
        .filter(t -> t.isAfter(now)).orElse(now);
    if (next.plus(spacing.multipliedBy(more)).isAfter(deadline)) {
      throw new PacedOut(next);
    }
    if (next.isAfter(now)) {
      ctx.sleeper().sleepUntil(next);
    }
  }

  private void wrote() {
    DeliveryState s = outbox.deliveryState();
    outbox.saveDeliveryState(new DeliveryState(s.pausedUntil(), s.failures(), s.lastError(),
        Optional.of(ctx.now()), s.mapRebuiltAt()));
    tally.writes++;
  }

  private void audit(String fingerprint, long issue, String action) {
    ctx.audit().record(new AuditEvent(AUDIT_ACTION, Actor.SYSTEM, ctx.now(), Map.of(
        "fingerprint", fingerprint.substring(0, 12), "issue", Long.toString(issue),
        "action", action)));
  }
}

package dev.thingyan.domain.report;

import dev.thingyan.ports.model.report.DeliveryPass;
import dev.thingyan.ports.model.report.DeliveryState;
import dev.thingyan.ports.model.report.Occurrences;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.PendingReport;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.out.IssueTrackerException;
import dev.thingyan.ports.out.ReportOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One delivery pass: fold the outbox into the fingerprint map, create the issues that are
 * missing, add the occurrence comments that are due; one request at a time, a failure ends the
 * pass and sets when the next may start. The order of the three keeps the outbox small (folding
 * is local and fast) and makes a crash at any point safe: a report is folded or not, an issue is
 * linked or marked {@code CREATING} (so the next attempt looks for it before creating another).
 */
final class ReportDelivery {
  private static final int BATCH = 500;
  static final Duration LEASE = Duration.ofMinutes(2);
  static final String LEASE_LOST = "another worker took the delivery lease while this pass waited;"
      + " it stopped and left the rest to that worker";

  private final DeliveryContext ctx;
  private final ReportOutbox outbox;
  private final IssueSync sync;
  private final PassTally tally = new PassTally();

  ReportDelivery(DeliveryContext ctx) {
    this.ctx = ctx;
    this.outbox = ctx.outbox();
    this.sync = new IssueSync(ctx, tally);
  }

  DeliveryPass run(Instant deadline) {
    String owner = ctx.settings().leaseOwner();
    if (!outbox.tryLease(owner, ctx.now(), LEASE)) {
      return tally.pass(Optional.empty(), false, Optional.empty());
    }
    try {
      return deliver(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return tally.pass(Optional.empty(), true, Optional.of("interrupted"));
    } finally {
      outbox.releaseLease(owner);
    }
  }

  private DeliveryPass deliver(Instant deadline) throws InterruptedException {
    fold();
    DeliveryState state = outbox.deliveryState();
    Optional<Instant> paused = state.pausedUntil().filter(p -> p.isAfter(ctx.now()));
    if (paused.isPresent() && paused.get().isAfter(deadline)) {
      return tally.pass(paused, true, state.lastError());
    }
    if (paused.isPresent()) {
      ctx.sleeper().sleepUntil(paused.get());
    }
    try {
      return send(state, deadline);
    } catch (IssueTrackerException e) {
      return paused(e);
    } catch (PacedOut e) {
      if (tally.writes > 0) {
        succeeded(); // GitHub answered in this pass: a later failure backs off from 5 s again
      }
      return tally.pass(Optional.of(e.until()), true, Optional.empty());
    }
  }

  private DeliveryPass send(DeliveryState state, Instant deadline)
      throws InterruptedException, PacedOut {
    // the lease may have run out while this pass waited: renew it before every request
    if (!stillLeased()) {
      return tally.pass(Optional.empty(), true, Optional.of(LEASE_LOST));
    }
    if (state.mapRebuiltAt().isEmpty()) {
      sync.rebuildMap();
    }
    while (ctx.now().isBefore(deadline)) {
      if (!stillLeased()) {
        return tally.pass(Optional.empty(), true, Optional.of(LEASE_LOST));
      }
      if (!step(deadline)) {
        break;
      }
    }
    outbox.pruneDelivered(ctx.now().minus(ctx.settings().keepDelivered()));
    succeeded();
    return tally.pass(Optional.empty(), true, Optional.empty());
  }

  /**
   * A worker that lost its lease (it waited longer than the lease lasts and another worker took
   * over) must stop at once, or two workers would write to GitHub side by side.
   */
  private boolean stillLeased() {
    return outbox.tryLease(ctx.settings().leaseOwner(), ctx.now(), LEASE);
  }

  /** @return true when it did something, so another step may find more to do */
  private boolean step(Instant deadline) throws InterruptedException, PacedOut {
    if (fold() > 0) {
      return true;
    }
    List<TrackedIssue> awaiting = outbox.awaitingIssue(1);
    if (!awaiting.isEmpty()) {
      sync.create(awaiting.get(0), deadline);
      return true;
    }
    Instant due = ctx.now().minus(ctx.settings().commentInterval());
    List<TrackedIssue> comments = outbox.dueForComment(due, 1);
    if (!comments.isEmpty()) {
      sync.comment(comments.get(0), deadline);
      return true;
    }
    return false;
  }

  /** Folds pending reports into their map rows, a batch at a time, one transaction per fingerprint. */
  private long fold() {
    long folded = 0;
    List<PendingReport> batch;
    do {
      // heads only: a batch of full reports (up to a megabyte each) could fill the heap
      batch = outbox.pendingHeads(BATCH);
      Map<String, List<PendingReport>> byFingerprint = new LinkedHashMap<>();
      for (PendingReport r : batch) {
        byFingerprint.computeIfAbsent(r.fingerprint(), k -> new ArrayList<>()).add(r);
      }
      for (Map.Entry<String, List<PendingReport>> e : byFingerprint.entrySet()) {
        List<PendingReport> group = e.getValue();
        long latest = group.get(group.size() - 1).id();
        // the title names a new map row only; an existing row keeps its own
        String title = outbox.issue(e.getKey()).map(TrackedIssue::title)
            .orElseGet(() -> outbox.report(latest).map(r -> r.report().issueTitle()).orElse(""));
        outbox.fold(e.getKey(), title, group.stream().map(PendingReport::id).toList(),
            occurrences(group));
        folded += group.size();
      }
    } while (batch.size() == BATCH);
    tally.folded += folded;
    return folded;
  }

  private static Occurrences occurrences(List<PendingReport> group) {
    Instant first = group.get(0).acceptedAt();
    Instant last = first;
    Optional<Version> max = Optional.empty();
    for (PendingReport r : group) {
      first = r.acceptedAt().isBefore(first) ? r.acceptedAt() : first;
      last = r.acceptedAt().isAfter(last) ? r.acceptedAt() : last;
      Optional<Version> v = r.appVersion();
      if (v.isPresent() && (max.isEmpty() || v.get().compareTo(max.get()) > 0)) {
        max = v;
      }
    }
    return new Occurrences(group.size(), first, last, max, group.get(group.size() - 1).id());
  }

  private void succeeded() {
    DeliveryState s = outbox.deliveryState();
    if (s.failures() > 0 || s.pausedUntil().isPresent() || s.lastError().isPresent()) {
      outbox.saveDeliveryState(new DeliveryState(Optional.empty(), 0, Optional.empty(),
          s.lastWriteAt(), s.mapRebuiltAt()));
    }
  }

  private DeliveryPass paused(IssueTrackerException e) {
    DeliveryState s = outbox.deliveryState();
    int failures = e.kind() == IssueTrackerException.Kind.RATE_LIMITED ? s.failures()
        : s.failures() + 1;
    Instant until = DeliveryBackoff.after(e, failures, ctx.now());
    outbox.saveDeliveryState(new DeliveryState(Optional.of(until), failures,
        Optional.of(e.getMessage()), s.lastWriteAt(), s.mapRebuiltAt()));
    return tally.pass(Optional.of(until), true, Optional.of(e.getMessage()));
  }
}

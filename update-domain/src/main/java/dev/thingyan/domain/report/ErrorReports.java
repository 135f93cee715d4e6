package dev.thingyan.domain.report;

import dev.thingyan.ports.in.DeliverErrorReports;
import dev.thingyan.ports.in.QueryErrorReports;
import dev.thingyan.ports.in.SubmitErrorReport;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.report.DeliveryPass;
import dev.thingyan.ports.model.report.DeliveryState;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.OutboxStats;
import dev.thingyan.ports.model.report.PendingReport;
import dev.thingyan.ports.model.report.ReportReceipt;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.model.report.WaitingError;
import dev.thingyan.ports.out.AuditTrail;
import dev.thingyan.ports.out.IssueTracker;
import dev.thingyan.ports.out.ReportOutbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The error-report side of the core: accepts reports at once (durable, redacted) and delivers
 * them to GitHub when a worker calls {@link #deliver}. Without a tracker (GitHub not configured)
 * reports are still accepted and kept; delivery then says so and does nothing.
 */
public final class ErrorReports implements SubmitErrorReport, DeliverErrorReports,
    QueryErrorReports {
  private final ReportOutbox outbox;
  private final Supplier<ReportIntake> intake;
  private volatile ReportIntake made;
  private final Optional<DeliveryContext> delivery;

  public ErrorReports(ReportOutbox outbox, Optional<IssueTracker> tracker, AuditTrail audit,
      ReportSettings settings, Clock clock, Sleeper sleeper) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    // the redaction rules compile dozens of patterns: only a process that takes a report pays
    this.intake = () -> new ReportIntake(outbox, settings.inApp(), clock);
    IssueComposer composer = new IssueComposer(settings.inApp(), settings.basePaths(),
        settings.labels());
    this.delivery = tracker.map(t -> new DeliveryContext(outbox, t, composer, audit, settings,
        clock, sleeper));
  }

  @Override
  public ReportReceipt submit(Actor actor, Map<String, ?> untrusted) {
    return intake().submit(actor, untrusted);
  }

  @Override
  public ReportReceipt submit(Actor actor, ErrorReport report) {
    return intake().submit(actor, report);
  }

  private ReportIntake intake() {
    ReportIntake i = made;
    if (i == null) {
      synchronized (this) {
        i = made;
        if (i == null) {
          i = intake.get();
          made = i;
        }
      }
    }
    return i;
  }

  @Override
  public DeliveryPass deliver(Instant deadline) {
    if (delivery.isEmpty()) {
      return new DeliveryPass(0, 0, 0, 0, 0, Optional.empty(), false,
          Optional.of("GitHub is not configured (reports.github): reports are kept, not sent"));
    }
    return new ReportDelivery(delivery.get()).run(deadline);
  }

  @Override
  public int rebuildMap() {
    DeliveryContext ctx = delivery.orElseThrow(() -> new IllegalStateException(
        "GitHub is not configured (reports.github): there is no map to rebuild from"));
    String owner = ctx.settings().leaseOwner();
    if (!outbox.tryLease(owner, ctx.now(), ReportDelivery.LEASE)) {
      throw new IllegalStateException("another worker is delivering reports; try again shortly");
    }
    try {
      return new IssueSync(ctx, new PassTally()).rebuildMap();
    } finally {
      outbox.releaseLease(owner);
    }
  }

  @Override
  public int retryRejected() {
    return outbox.retryRejected();
  }

  @Override
  public OutboxStats stats() {
    return outbox.stats();
  }

  @Override
  public DeliveryState deliveryState() {
    return outbox.deliveryState();
  }

  @Override
  public List<TrackedIssue> issues(int limit) {
    return outbox.issues(limit);
  }

  @Override
  public List<WaitingError> waiting(int scan) {
    Map<String, long[]> seen = new LinkedHashMap<>(); // fingerprint -> {count, last seen, id}
    for (PendingReport p : outbox.pendingHeads(scan)) {
      long[] s = seen.computeIfAbsent(p.fingerprint(), f -> new long[] {0, 0, p.id()});
      s[0]++;
      s[1] = Math.max(s[1], p.acceptedAt().toEpochMilli());
    }
    List<WaitingError> out = new ArrayList<>();
    seen.forEach((fingerprint, s) -> out.add(new WaitingError(fingerprint,
        outbox.report(s[2]).map(q -> q.report().title()).orElse(""), s[0],
        Instant.ofEpochMilli(s[1]), outbox.issue(fingerprint).map(TrackedIssue::issueNumber)
            .orElse(OptionalLong.empty()))));
    out.sort(Comparator.comparing(WaitingError::lastSeen).reversed());
    return out;
  }
}

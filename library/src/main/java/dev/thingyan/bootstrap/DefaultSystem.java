package dev.thingyan.bootstrap;

import dev.thingyan.adapter.jdbc.journal.ReportSpool;
import dev.thingyan.domain.report.ErrorReports;
import dev.thingyan.domain.run.UpdateCore;
import dev.thingyan.ports.error.Reason;
import dev.thingyan.ports.error.ValidationException;
import dev.thingyan.ports.in.ApplyUpdate;
import dev.thingyan.ports.in.BackupDatabase;
import dev.thingyan.ports.in.CheckForUpdates;
import dev.thingyan.ports.in.DeliverErrorReports;
import dev.thingyan.ports.in.QueryErrorReports;
import dev.thingyan.ports.in.QueryRuns;
import dev.thingyan.ports.in.RecoverRuns;
import dev.thingyan.ports.in.ResolveBlock;
import dev.thingyan.ports.in.RollbackRelease;
import dev.thingyan.ports.in.StartUpdate;
import dev.thingyan.ports.in.SubmitErrorReport;
import dev.thingyan.ports.in.SwitchGate;
import dev.thingyan.ports.in.WatchRuns;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.ReportReceipt;
import dev.thingyan.ports.out.RunJournal;
import dev.thingyan.ports.out.RunListener;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The wired system: the core's driving ports, each seen through the {@link PortGuard}, plus what
 * must be closed.
 */
final class DefaultSystem implements ThingyanSystem {

  private final ErrorReports reports;
  private final ListenerHub hub;
  private final Closer closer;
  private final Clock clock;
  private final PortGuard guard;
  private final Duration closeWait;
  private final RunStarter starter;
  private final CheckForUpdates check;
  private final ApplyUpdate apply;
  private final RollbackRelease rollback;
  private final ResolveBlock resolve;
  private final SwitchGate gate;
  private final RecoverRuns recover;
  private final QueryRuns queries;
  private final BackupDatabase backups;
  private final DeliverErrorReports deliver;
  private final QueryErrorReports reportQueries;
  private final SubmitErrorReport submit;
  private final WatchRuns watch;
  private volatile ReportWorker worker;
  /** Reports `thingyan report` processes kept while this system held the journal. */
  private final ReportSpool spool;

  DefaultSystem(UpdateCore core, ErrorReports reports, ListenerHub hub, Closer closer,
      Clock clock, PortGuard guard, RunJournal journal, Duration closeWait, ReportSpool spool) {
    this.spool = spool;
    this.reports = reports;
    this.hub = hub;
    this.closer = closer;
    this.clock = clock;
    this.guard = guard;
    this.closeWait = closeWait;
    this.check = guard.guard(CheckForUpdates.class, core);
    this.apply = guard.guard(ApplyUpdate.class, core);
    this.rollback = guard.guard(RollbackRelease.class, core);
    this.resolve = guard.guard(ResolveBlock.class, core);
    this.gate = guard.guard(SwitchGate.class, core);
    this.recover = guard.guard(RecoverRuns.class, core);
    this.queries = guard.guard(QueryRuns.class, core.queries());
    this.backups = guard.guard(BackupDatabase.class, core);
    this.deliver = guard.guard(DeliverErrorReports.class, reports);
    this.reportQueries = guard.guard(QueryErrorReports.class, reports);
    this.submit = guard.guard(SubmitErrorReport.class, new WakingSubmit());
    this.watch = guard.guard(WatchRuns.class, (runId, afterSeq, limit) -> {
      if (limit < 1 || afterSeq < 0) {
        throw new ValidationException(ValidationException.CODE,
            Reason.of("events.bad_range", "afterSeq", afterSeq, "limit", limit),
            "events: afterSeq must be 0 or more and limit 1 or more", null);
      }
      return journal.events(runId, afterSeq, limit);
    });
    this.starter = new RunStarter(apply);
    hub.add(starter);
  }

  @Override public CheckForUpdates checkForUpdates() { return check; }
  @Override public ApplyUpdate applyUpdate() { return apply; }
  @Override public StartUpdate startUpdate() { return this::start; }
  @Override public WatchRuns watchRuns() { return watch; }
  @Override public RollbackRelease rollbackRelease() { return rollback; }
  @Override public ResolveBlock resolveBlock() { return resolve; }
  @Override public SwitchGate switchGate() { return gate; }
  @Override public RecoverRuns recoverRuns() { return recover; }
  @Override public QueryRuns queryRuns() { return queries; }
  @Override public BackupDatabase backupDatabase() { return backups; }
  @Override public DeliverErrorReports deliverErrorReports() { return deliver; }
  @Override public QueryErrorReports queryErrorReports() { return reportQueries; }
  @Override public SubmitErrorReport submitErrorReport() { return submit; }

  private dev.thingyan.ports.model.RunId start(dev.thingyan.ports.in.UpdateRequest request) {
    if (guard.closed()) {
      throw new dev.thingyan.ports.error.SystemClosedException();
    }
    if (request == null) {
      throw new ValidationException("start: the request argument is missing (null)");
    }
    return starter.start(request);
  }

  /** Submits, then wakes the report worker (when running) to send at once. */
  private final class WakingSubmit implements SubmitErrorReport {
    @Override
    public ReportReceipt submit(Actor actor, Map<String, ?> untrusted) {
      return woke(reports.submit(actor, untrusted));
    }

    @Override
    public ReportReceipt submit(Actor actor, ErrorReport report) {
      return woke(reports.submit(actor, report));
    }
  }

  private ReportReceipt woke(ReportReceipt receipt) {
    ReportWorker w = worker;
    if (w != null) {
      w.wake();
    }
    return receipt;
  }

  @Override
  public synchronized void startReportWorker() {
    if (guard.closed()) {
      throw new dev.thingyan.ports.error.SystemClosedException();
    }
    if (worker == null) {
      worker = closer.add(new ReportWorker(reports, clock, this::drainSpool));
      worker.start();
    }
  }

  /** Moves the report spool into the journal unless another process is doing so. */
  private void drainSpool() {
    spool.drainLock().ifPresent(lock -> {
      try (AutoCloseable held = lock) {
        spool.drain(r -> reports.submit(Actor.SYSTEM, r));
      } catch (Exception e) {
        throw new IllegalStateException("the report spool could not be drained: " + e, e);
      }
    });
  }

  @Override
  public Subscription addListener(RunListener listener) {
    if (listener == null) {
      throw new ValidationException("addListener: the listener argument is missing (null)");
    }
    hub.add(listener);
    return () -> hub.remove(listener);
  }

  @Override
  public void removeListener(RunListener listener) {
    hub.remove(listener);
  }

  /**
   * Refuses new calls, stops the report worker, lets a run in progress stop at its next step
   * boundary (waiting at most the close timeout), then releases pools and locks. A second close
   * does nothing.
   */
  @Override
  public synchronized void close() {
    if (guard.closed()) {
      return;
    }
    starter.close();
    ReportWorker w = worker;
    if (w != null) {
      w.close();
    }
    guard.closeAndWait(closeWait);
    closer.close();
  }
}

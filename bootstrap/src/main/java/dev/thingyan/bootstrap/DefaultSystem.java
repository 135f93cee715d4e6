package dev.thingyan.bootstrap;

import dev.thingyan.adapter.jdbc.journal.ReportSpool;
import dev.thingyan.domain.report.ErrorReports;
import dev.thingyan.domain.run.UpdateCore;
import dev.thingyan.ports.in.ApplyUpdate;
import dev.thingyan.ports.in.BackupDatabase;
import dev.thingyan.ports.in.CheckForUpdates;
import dev.thingyan.ports.in.DeliverErrorReports;
import dev.thingyan.ports.in.QueryErrorReports;
import dev.thingyan.ports.in.QueryRuns;
import dev.thingyan.ports.in.RecoverRuns;
import dev.thingyan.ports.in.ResolveBlock;
import dev.thingyan.ports.in.RollbackRelease;
import dev.thingyan.ports.in.SubmitErrorReport;
import dev.thingyan.ports.in.SwitchGate;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.ReportReceipt;
import dev.thingyan.ports.out.RunListener;
import java.time.Clock;
import java.util.Map;

/** The wired system: the core's driving ports plus what must be closed. */
final class DefaultSystem implements ThingyanSystem {

  private final UpdateCore core;
  private final ErrorReports reports;
  private final ListenerHub hub;
  private final Closer closer;
  private final Clock clock;
  private volatile ReportWorker worker;
  /** Reports `thingyan report` processes kept while this system held the journal. */
  private final ReportSpool spool;

  DefaultSystem(UpdateCore core, ErrorReports reports, ListenerHub hub, Closer closer,
      Clock clock, ReportSpool spool) {
    this.spool = spool;
    this.core = core;
    this.reports = reports;
    this.hub = hub;
    this.closer = closer;
    this.clock = clock;
  }

  @Override public CheckForUpdates checkForUpdates() { return core; }
  @Override public ApplyUpdate applyUpdate() { return core; }
  @Override public RollbackRelease rollbackRelease() { return core; }
  @Override public ResolveBlock resolveBlock() { return core; }
  @Override public SwitchGate switchGate() { return core; }
  @Override public RecoverRuns recoverRuns() { return core; }
  @Override public QueryRuns queryRuns() { return core.queries(); }
  @Override public BackupDatabase backupDatabase() { return core; }
  @Override public DeliverErrorReports deliverErrorReports() { return reports; }
  @Override public QueryErrorReports queryErrorReports() { return reports; }

  @Override
  public SubmitErrorReport submitErrorReport() {
    return new SubmitErrorReport() {
      @Override
      public ReportReceipt submit(Actor actor, Map<String, ?> untrusted) {
        return woke(reports.submit(actor, untrusted));
      }

      @Override
      public ReportReceipt submit(Actor actor, ErrorReport report) {
        return woke(reports.submit(actor, report));
      }
    };
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
  public void addListener(RunListener listener) {
    hub.add(listener);
  }

  @Override
  public void close() {
    closer.close();
  }
}

package dev.thingyan.bootstrap;

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
import dev.thingyan.ports.out.RunListener;

/**
 * The wired system: every driving port of the core, built from a configuration (standalone) or
 * from a host's DataSource (embedded). Closing it releases pools and locks.
 */
public interface ThingyanSystem extends AutoCloseable {

  CheckForUpdates checkForUpdates();

  ApplyUpdate applyUpdate();

  RollbackRelease rollbackRelease();

  ResolveBlock resolveBlock();

  /** The maintenance gate by hand ({@code thingyan gate on|off}) and its state. */
  SwitchGate switchGate();

  RecoverRuns recoverRuns();

  QueryRuns queryRuns();

  BackupDatabase backupDatabase();

  /** Error reports in: durable when it returns, sent to GitHub later. */
  SubmitErrorReport submitErrorReport();

  /** Error reports out: a delivery pass (the CLI), or see {@link #startReportWorker()}. */
  DeliverErrorReports deliverErrorReports();

  QueryErrorReports queryErrorReports();

  /**
   * Starts the background sender of error reports (for a long-running host); it stops when the
   * system is closed. Calling it again does nothing.
   */
  void startReportWorker();

  /** Adds a listener told of each run event as it is journaled (the CLI prints transitions). */
  void addListener(RunListener listener);

  @Override
  void close();
}

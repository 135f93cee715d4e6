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
import dev.thingyan.ports.in.StartUpdate;
import dev.thingyan.ports.in.SwitchGate;
import dev.thingyan.ports.in.WatchRuns;
import dev.thingyan.ports.out.RunListener;

/**
 * The wired system: every driving port of the core, built from a configuration (standalone) or
 * from a host's DataSource (embedded). Every port throws only {@link
 * dev.thingyan.ports.error.ThingyanException} and its subtypes. Closing it stops its threads,
 * lets a run in progress reach its next step boundary (bounded), releases pools and locks, and
 * refuses every later call ({@link dev.thingyan.ports.error.SystemClosedException}).
 */
public interface ThingyanSystem extends AutoCloseable {

  CheckForUpdates checkForUpdates();

  /** An update run to its end in the caller's thread. */
  ApplyUpdate applyUpdate();

  /** An update started in the system's own thread; the caller gets the run id at once. */
  StartUpdate startUpdate();

  /** A run's events after a given seq, for a UI that polls. */
  WatchRuns watchRuns();

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

  /**
   * Adds a listener told of each run event as it is journaled (the CLI prints transitions) and of
   * a long step's progress ({@link RunListener#onProgress}), in the run's thread.
   *
   * @return closing it removes the listener
   */
  Subscription addListener(RunListener listener);

  /** Removes a listener added before; nothing happens when it is not there. */
  void removeListener(RunListener listener);

  /** A listener's registration: closing it removes the listener. */
  @FunctionalInterface
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  @Override
  void close();
}

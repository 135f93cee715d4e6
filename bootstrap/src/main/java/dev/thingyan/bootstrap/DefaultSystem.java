package dev.thingyan.bootstrap;

import dev.thingyan.domain.run.UpdateCore;
import dev.thingyan.ports.in.ApplyUpdate;
import dev.thingyan.ports.in.BackupDatabase;
import dev.thingyan.ports.in.CheckForUpdates;
import dev.thingyan.ports.in.QueryRuns;
import dev.thingyan.ports.in.RecoverRuns;
import dev.thingyan.ports.in.ResolveBlock;
import dev.thingyan.ports.in.RollbackRelease;
import dev.thingyan.ports.out.RunListener;

/** The wired system: the core's driving ports plus what must be closed. */
final class DefaultSystem implements ThingyanSystem {

  private final UpdateCore core;
  private final ListenerHub hub;
  private final Closer closer;

  DefaultSystem(UpdateCore core, ListenerHub hub, Closer closer) {
    this.core = core;
    this.hub = hub;
    this.closer = closer;
  }

  @Override public CheckForUpdates checkForUpdates() { return core; }
  @Override public ApplyUpdate applyUpdate() { return core; }
  @Override public RollbackRelease rollbackRelease() { return core; }
  @Override public ResolveBlock resolveBlock() { return core; }
  @Override public RecoverRuns recoverRuns() { return core; }
  @Override public QueryRuns queryRuns() { return core.queries(); }
  @Override public BackupDatabase backupDatabase() { return core; }

  @Override
  public void addListener(RunListener listener) {
    hub.add(listener);
  }

  @Override
  public void close() {
    closer.close();
  }
}

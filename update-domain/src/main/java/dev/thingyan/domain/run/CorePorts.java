package dev.thingyan.domain.run;

import dev.thingyan.ports.out.AppWriteAccess;
import dev.thingyan.ports.out.AuditTrail;
import dev.thingyan.ports.out.BackupCatalog;
import dev.thingyan.ports.out.BackupCodec;
import dev.thingyan.ports.out.BackupStore;
import dev.thingyan.ports.out.CommandRunner;
import dev.thingyan.ports.out.DatabaseAccess;
import dev.thingyan.ports.out.DatabaseDumper;
import dev.thingyan.ports.out.FaultPoints;
import dev.thingyan.ports.out.HostInfo;
import dev.thingyan.ports.out.PreviewServer;
import dev.thingyan.ports.out.Probe;
import dev.thingyan.ports.out.ReleaseSource;
import dev.thingyan.ports.out.ReleaseWorkspace;
import dev.thingyan.ports.out.RunJournal;
import dev.thingyan.ports.out.RunListener;
import dev.thingyan.ports.out.RunLock;
import dev.thingyan.ports.out.SignatureVerifier;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every driven port the core uses, as the composition root wires them.
 *
 * @param locks all must be held for a run (the journal's lock row, the app root's file lock)
 * @param healthProbes after a swap, all must pass (HTTP endpoints, database read, queue ping)
 * @param databaseProbe the precheck "database reachable"
 * @param queueProbe the precheck "queue workers healthy"
 * @param appPrechecks the app's own prechecks (open folios, check-ins in progress …)
 * @param access the prechecks that the app's users may do what an update needs (database
 *     privileges of a backup and a restore; the app user writing what the app writes)
 * @param preview serves a staged release privately before the swap, for the HTTP health checks
 *     (the preview); empty: the release is first checked after the swap
 */
public record CorePorts(
    RunJournal journal,
    List<RunLock> locks,
    HostInfo host,
    ReleaseSource source,
    SignatureVerifier verifier,
    ReleaseWorkspace workspace,
    CommandRunner commands,
    DatabaseDumper dumper,
    BackupStore backupStore,
    BackupCodec backupCodec,
    BackupCatalog backupCatalog,
    AuditTrail audit,
    List<Probe> healthProbes,
    Optional<Probe> databaseProbe,
    Optional<Probe> queueProbe,
    List<AppPrecheck> appPrechecks,
    RunListener listener,
    FaultPoints faults,
    Clock clock,
    Access access,
    Optional<PreviewServer> preview) {

  /** Without a preview: a release is first checked after the swap. */
  public CorePorts(RunJournal journal, List<RunLock> locks, HostInfo host, ReleaseSource source,
      SignatureVerifier verifier, ReleaseWorkspace workspace, CommandRunner commands,
      DatabaseDumper dumper, BackupStore backupStore, BackupCodec backupCodec,
      BackupCatalog backupCatalog, AuditTrail audit, List<Probe> healthProbes,
      Optional<Probe> databaseProbe, Optional<Probe> queueProbe, List<AppPrecheck> appPrechecks,
      RunListener listener, FaultPoints faults, Clock clock, Access access) {
    this(journal, locks, host, source, verifier, workspace, commands, dumper, backupStore,
        backupCodec, backupCatalog, audit, healthProbes, databaseProbe, queueProbe, appPrechecks,
        listener, faults, clock, access, Optional.empty());
  }

  public CorePorts {
    Objects.requireNonNull(journal, "journal");
    locks = List.copyOf(locks);
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(commands, "commands");
    Objects.requireNonNull(dumper, "dumper");
    Objects.requireNonNull(backupStore, "backupStore");
    Objects.requireNonNull(backupCodec, "backupCodec");
    Objects.requireNonNull(backupCatalog, "backupCatalog");
    Objects.requireNonNull(audit, "audit");
    healthProbes = List.copyOf(healthProbes);
    Objects.requireNonNull(databaseProbe, "databaseProbe");
    Objects.requireNonNull(queueProbe, "queueProbe");
    appPrechecks = List.copyOf(appPrechecks);
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(preview, "preview");
  }

  /** @return these ports with a preview server (the composition root's choice from the configuration) */
  public CorePorts withPreview(Optional<PreviewServer> server) {
    return new CorePorts(journal, locks, host, source, verifier, workspace, commands, dumper,
        backupStore, backupCodec, backupCatalog, audit, healthProbes, databaseProbe, queueProbe,
        appPrechecks, listener, faults, clock, access, server);
  }

  /** The access prechecks: database privileges, and the app user's write access to its files. */
  public record Access(DatabaseAccess database, AppWriteAccess files) {
    public Access {
      Objects.requireNonNull(database, "database");
      Objects.requireNonNull(files, "files");
    }
  }

  /** An app precheck and whether its failure blocks the update (otherwise it warns). */
  public record AppPrecheck(Probe probe, boolean blocking) {
    public AppPrecheck {
      Objects.requireNonNull(probe, "probe");
    }
  }
}

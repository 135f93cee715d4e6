package dev.thingyan.domain.run;

import dev.thingyan.domain.backup.EarlyBackup;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.BackupKind;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.out.BackupException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * An admin's backups and restores outside an update run (the caller holds the run locks). Every
 * one is audited; a restore always takes a safety backup first and keeps the app behind the
 * maintenance gate while the database is replaced.
 */
final class ManualBackups {

  /** How a restore's gate reason begins: a later restore may lift a gate an earlier one left up. */
  static final String RESTORE_GATE = "restore of backup ";

  private final RunServices s;

  ManualBackups(RunServices services) {
    this.s = services;
  }

  /**
   * @param begun its dump, when it began before the checks (then only waited for here)
   */
  BackupRecord backup(Actor actor, LongConsumer progress, Optional<EarlyBackup> begun) {
    s.audit("system.backup.started", actor, Map.of("kind", "manual"));
    sweep(actor);
    BackupRecord b;
    try {
      b = begun.isPresent()
          ? s.backups.finish(begun.get(), Optional.empty(), s.currentVersion())
          : s.backups.backup(BackupKind.MANUAL, Optional.empty(), s.currentVersion(), progress);
    } catch (RuntimeException e) {
      s.audit("system.backup.failed", actor, Map.of("reason", s.masker.mask(RunRecorder.describe(e))));
      throw e;
    }
    s.audit("system.backup.completed", actor, Map.of("backup_id", b.backupId(), "kind", "manual"));
    // the backup is stored and recorded: old ones that cannot be deleted (a store that refuses
    // deletes, say) are a warning in the audit trail, not a failed backup
    try {
      for (BackupRecord old : s.pruneBackups(Set.of(b.backupId()))) {
        s.audit("system.backup.pruned", actor, Map.of("backup_id", old.backupId()));
      }
    } catch (RuntimeException e) {
      s.audit("system.backup.prune_failed", actor, Map.of("reason",
          s.masker.mask("old backups were not deleted: " + RunRecorder.describe(e))));
    }
    return b;
  }

  /** Removes what a backup killed mid-write left in the store, before this one needs the space. */
  private void sweep(Actor actor) {
    s.sweepAbandonedBackups(
        removed -> s.audit("system.backup.swept", actor, Map.of("removed", removed)),
        failed -> s.audit("system.backup.sweep_failed", actor, Map.of("reason", failed)));
  }

  BackupRecord restore(Actor actor, String backupId, LongConsumer progress) {
    BackupRecord backup = find(backupId);
    s.backups.verify(backup);
    s.audit("system.backup.restore_started", actor, Map.of("backup_id", backupId));
    // the gate first, then the safety dump: what the app writes until the gate is up is in the
    // safety backup, and nothing after it (a safety dump taken before the gate would lose what
    // was written while it ran)
    // a gate already up for another reason (an admin's, a failed rollback's) is left up: it comes
    // down only through `gate off` or `resolve`, which first check the app's health. One an earlier
    // restore left up (it failed halfway) is this restore's to lift.
    java.util.Optional<String> upFor = s.gate.up() ? java.util.Optional.of(s.gate.status().reason().orElse(""))
        : java.util.Optional.empty();
    boolean ownGate = upFor.map(r -> r.startsWith(RESTORE_GATE)).orElse(true);
    gateOn(ownGate ? RESTORE_GATE + backupId + " by " + actor : upFor.get(), backupId);
    sweep(actor);
    BackupRecord safety;
    try {
      safety = s.backups.backup(BackupKind.SAFETY, Optional.empty(), s.currentVersion(), progress);
    } catch (RuntimeException e) {
      // nothing was replaced: the app comes back as it was
      if (ownGate) gateOff(backupId);
      s.audit("system.backup.restore_failed", actor, Map.of("backup_id", backupId, "reason",
          s.masker.mask("the safety backup failed, nothing was restored: " + RunRecorder.describe(e))));
      throw e;
    }
    try {
      s.backups.restore(backup, progress);
      if (ownGate) gateOff(backupId);
    } catch (RuntimeException e) {
      boolean unchanged = s.ports.dumper().restoreIsAtomic();
      if (unchanged) {
        // nothing was replaced: the app comes back as it was
        if (ownGate) gateOff(backupId);
      }
      String reason = s.masker.mask(RunRecorder.describe(e));
      s.audit("system.backup.restore_failed", actor, Map.of("backup_id", backupId, "safety_backup_id",
          safety.backupId(), "database", unchanged ? "unchanged" : "may be partly restored", "reason", reason));
      throw new BackupException("The restore of " + backupId + " failed: " + reason + (unchanged
          ? ". The database is as it was before the restore, and the app is back. The safety backup "
              + safety.backupId() + " holds that same data."
          : ". The database may be partly restored, so the app stays behind the maintenance gate. "
              + "Restore the safety backup " + safety.backupId() + " (thingyan restore "
              + safety.backupId() + ") to go back to how it was just before, or this backup again "
              + "once the cause is fixed; either lifts the gate when it succeeds."), e);
    }
    s.audit("system.backup.restored", actor, Map.of("backup_id", backupId, "safety_backup_id", safety.backupId()));
    return safety;
  }

  String verify(Actor actor, String backupId) {
    BackupRecord backup = find(backupId);
    String summary = s.backups.verifyRestore(backup);
    s.audit("system.backup.verified", actor, Map.of("backup_id", backupId, "result", summary));
    return summary;
  }

  private BackupRecord find(String backupId) {
    return s.backups.find(backupId).orElseThrow(() -> new IllegalArgumentException(
        "no backup " + backupId + " is recorded; `thingyan backups` lists them"));
  }

  // a failing hook fails the restore (the database is not replaced while the app may serve)
  private void gateOn(String reason, String backupId) {
    s.gate.raise(QUIET, "maintenance_on", reason, env(backupId));
  }

  private void gateOff(String backupId) {
    s.gate.lower(QUIET, "maintenance_off", env(backupId));
  }

  private static final HookExecutor.HookLog QUIET = (level, step, line) -> {};

  private Map<String, String> env(String backupId) {
    Map<String, String> env = s.gate.appEnv();
    env.put("THINGYAN_BACKUP_ID", backupId);
    return env;
  }
}

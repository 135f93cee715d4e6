package dev.thingyan.domain.run;

import static dev.thingyan.ports.model.RunState.ROLLBACK_RUNNING;

import dev.thingyan.domain.policy.RollbackDatabase;
import dev.thingyan.ports.in.DatabaseDecisionRequiredException;
import dev.thingyan.ports.in.RollbackRelease;
import dev.thingyan.ports.in.RunRefusedException;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.model.InstalledRelease;
import dev.thingyan.ports.model.NewRun;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.Version;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An admin's rollback of the current release to the one before it: the release the update that
 * installed it replaced, or else the newest older release folder that did not fail. The database
 * is decided explicitly ({@link RollbackDatabase}): restored from that update's pre-update backup,
 * or kept, and the run's log says which and why.
 */
final class ManualRollback {

  private final RunServices s;
  private final Rollback rollback;

  ManualRollback(RunServices services, Rollback rollback) {
    this.s = services;
    this.rollback = rollback;
  }

  Run start(RollbackRelease.Request request) {
    KnownReleases known = KnownReleases.read(s);
    InstalledRelease current = known.current
        .orElseThrow(() -> new RunRefusedException("nothing is installed yet: there is nothing to roll back"));
    InstalledRelease target = target(known, current);
    Optional<BackupRecord> backup = known.installedCurrent().flatMap(Run::backupId).flatMap(s.backups::find);
    Optional<String> before = backup.flatMap(BackupRecord::schemaVersion);
    Optional<String> now = s.ports.dumper().schemaVersion();
    RollbackDatabase.Choice choice = RollbackDatabase.decide(request.restoreDatabase(), backup.isPresent(), before, now);
    refuseUnlessDecided(choice, backup, before, now, target);
    Run run = s.ports.journal().create(new NewRun(RunId.random(), RunKind.ROLLBACK, current.version(),
        target.version(), request.actor(), s.ports.clock().instant(), RunOptions.DEFAULT));
    s.ports.journal().setReleaseDir(run.id(), target.dir());
    s.ports.journal().setPreviousReleaseDir(run.id(), current.dir());
    if (choice.restores()) s.ports.journal().setBackupId(run.id(), backup.get().backupId());
    s.ports.journal().setReason(run.id(), request.reason());
    RunRecorder rec = s.recorder(s.ports.journal().find(run.id()).orElseThrow());
    rec.transition(ROLLBACK_RUNNING, "rolling back to " + target.dir().getFileName() + ": " + request.reason());
    s.audit("system.rollback.started", rec.refresh(), request.reason());
    String said = said(choice, backup, before, now);
    rec.step(Rollback.DECISION_STEP, () -> choice.restores() ? StepResult.done(null, said) : StepResult.skipped(null, said));
    return rollback.proceed(rec, Optional.empty());
  }

  private InstalledRelease target(KnownReleases known, InstalledRelease current) {
    Path dir = known.rollbackTarget().orElseThrow(() -> new RunRefusedException(
        "there is no release older than " + current.dir().getFileName() + " to roll back to"));
    return known.installed.stream().filter(r -> RunServices.same(r.dir(), dir)).findFirst()
        .orElse(new InstalledRelease(dir, Optional.empty()));
  }

  private static void refuseUnlessDecided(RollbackDatabase.Choice choice, Optional<BackupRecord> backup,
      Optional<String> before, Optional<String> now, InstalledRelease target) {
    String to = target.version().map(Version::toString).orElse(String.valueOf(target.dir().getFileName()));
    String id = backup.map(BackupRecord::backupId).orElse(null);
    String options = " Choose `thingyan rollback --restore-db` (restore backup " + id + "; a safety backup of the "
        + "database as it is now is taken first) or `thingyan rollback --keep-db` (keep it; " + to
        + " then runs on the newer schema).";
    switch (choice) {
      case REFUSE_NO_BACKUP -> throw new RunRefusedException("no pre-update backup is recorded for the current "
          + "release, so the database cannot be restored with it; roll back with --keep-db or restore a backup by hand");
      case ASK_NO_BACKUP -> throw new DatabaseDecisionRequiredException("no pre-update backup is recorded for the "
          + "current release: thingyan cannot tell whether the database schema changed since " + to
          + " served, nor restore it. To roll back the code only: `thingyan rollback --keep-db`",
          DatabaseDecisionRequiredException.Why.NO_BACKUP, null, null, now.orElse(null), to);
      case ASK_SCHEMA_CHANGED -> throw new DatabaseDecisionRequiredException("the database schema changed since "
          + "backup " + id + " was taken (" + before.get() + " then, " + now.get() + " now): rolling back the "
          + "code alone would run " + to + " on the newer schema." + options,
          DatabaseDecisionRequiredException.Why.SCHEMA_CHANGED, id, before.get(), now.get(), to);
      case ASK_SCHEMA_UNKNOWN -> throw new DatabaseDecisionRequiredException("thingyan cannot tell whether the "
          + "database schema changed since backup " + id + " (schema version " + before.orElse("unknown")
          + " then, " + now.orElse("unknown") + " now)." + options,
          DatabaseDecisionRequiredException.Why.SCHEMA_UNKNOWN, id, before.orElse(null), now.orElse(null), to);
      default -> { }
    }
  }

  private static String said(RollbackDatabase.Choice choice, Optional<BackupRecord> backup, Optional<String> before,
      Optional<String> now) {
    String id = backup.map(BackupRecord::backupId).orElse("none");
    return switch (choice) {
      case RESTORE -> "the database is restored from backup " + id + " (the admin chose --restore-db; schema "
          + before.orElse("unknown") + " then, " + now.orElse("unknown") + " now)";
      case KEEP_AS_ASKED -> "the database is kept as it is (the admin chose --keep-db; schema "
          + before.orElse("unknown") + " at backup " + id + ", " + now.orElse("unknown") + " now)";
      case KEEP_UNCHANGED -> "the database is kept as it is: its schema (" + now.orElse("unknown")
          + ") has not changed since backup " + id;
      default -> throw new IllegalStateException("not a decision that proceeds: " + choice);
    };
  }
}

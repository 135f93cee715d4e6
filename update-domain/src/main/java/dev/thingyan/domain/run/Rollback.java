package dev.thingyan.domain.run;

import static dev.thingyan.ports.model.RunState.COMPLETED;
import static dev.thingyan.ports.model.RunState.FAILED;
import static dev.thingyan.ports.model.RunState.ROLLBACK_FAILED;
import static dev.thingyan.ports.model.RunState.ROLLBACK_RUNNING;

import dev.thingyan.ports.model.BackupKind;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.model.HookPhase;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.StepRecord;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Brings the last known good release back. Every step is idempotent and decided from the journal
 * and the filesystem, so a rollback interrupted at any point is simply run again. The database
 * is restored only when migrations ran, and only after an admin confirms when that is uncertain.
 */
final class Rollback {

  private final RunServices s;

  Rollback(RunServices services) {
    this.s = services;
  }

  Run afterFailure(RunRecorder rec, String reason) {
    s.ports.journal().setReason(rec.run().id(), reason);
    rec.transition(ROLLBACK_RUNNING, "undoing what the update changed: " + reason);
    return proceed(rec, Optional.empty(), true);
  }

  /** Continues (or starts) the rollback of a run in {@code rollback_running}. */
  Run proceed(RunRecorder rec, Optional<Boolean> restoreDecision) {
    return proceed(rec, restoreDecision, false);
  }

  /**
   * @param announce audit {@code system.rollback.started} once it is known that something is
   *     rolled back (a failure right after the update; a resumed rollback was announced before)
   */
  private Run proceed(RunRecorder rec, Optional<Boolean> restoreDecision, boolean announce) {
    try {
      return rec.refresh().kind() == RunKind.UPDATE ? undoUpdate(rec, restoreDecision, announce)
          : manual(rec);
    } catch (RuntimeException e) {
      return fail(rec, RunRecorder.describe(e));
    }
  }

  /**
   * The step that records an admin's answer when migrations are uncertain: succeeded means restore
   * the database, skipped means keep it. Recorded before anything acts on it, so a rollback that
   * dies afterwards (in the restore itself, say) carries on with that answer instead of asking
   * again, where "keep" would now keep a half-restored database.
   */
  static final String DECISION_STEP = "db_decision";

  private Run undoUpdate(RunRecorder rec, Optional<Boolean> asked, boolean announce) {
    Run run = rec.refresh();
    java.util.List<StepRecord> steps = s.ports.journal().steps(run.id());
    // also when an interrupted rollback already switched current back: the old release's
    // post_swap (the app's restart) may never have run, and the new release would go on serving
    boolean swapped = s.isCurrent(run.releaseDir()) || stepSucceeded(steps, "swap");
    MigrationStatus migrations = MigrationStatus.of(steps);
    if (migrations == MigrationStatus.NOT_RUN && swapped
        && steps.stream().noneMatch(st -> st.step().equals(MigrationStatus.SCHEMA_STEP) && !st.unfinished())) {
      // no migrate step ran, but the new release ran: it may have migrated when it started
      rec.step(MigrationStatus.SCHEMA_STEP, () -> schemaCheck(run));
      migrations = MigrationStatus.of(s.ports.journal().steps(run.id()));
    }
    // The gate goes up when the database changes (or a release's own gate is up): guests wait
    // while it does. A rollback of code alone swaps straight back to the known good release, so
    // the old release answers at once; the gate goes up only if that release then fails its check
    // (the spec: "enable maintenance gate only if health check fails").
    boolean touched = swapped || migrations != MigrationStatus.NOT_RUN || s.ports.workspace().maintenanceFlag();
    boolean gate = migrations != MigrationStatus.NOT_RUN || s.ports.workspace().maintenanceFlag();
    if (!touched) {
      return failedUntouched(rec, run);
    }
    if (announce) s.audit("system.rollback.started", rec.refresh(), run.reason().orElse(null));
    if (gate) maintenanceOn(rec, run);
    try {
      if (swapped) {
        Path good = run.previousReleaseDir().orElseThrow(() -> new StepFailedException("rollback_swap",
            "there is no earlier release to return to (this was the first install)"));
        swapTo(rec, run, good);
      }
      Optional<Boolean> recorded = recordedDecision(s.ports.journal().steps(run.id()));
      Optional<Boolean> decision = recorded.or(() -> asked);
      if (migrations == MigrationStatus.UNCERTAIN && decision.isEmpty()) {
        return awaitDecision(rec);
      }
      boolean restore = migrations == MigrationStatus.RAN || (migrations == MigrationStatus.UNCERTAIN && decision.get());
      if (migrations == MigrationStatus.UNCERTAIN && recorded.isEmpty()) {
        String chose = "admin chose to " + (restore ? "restore the database" : "keep the database as it is");
        rec.step(DECISION_STEP, () -> restore ? StepResult.done(null, chose) : StepResult.skipped(null, chose));
        s.ports.journal().setAwaiting(run.id(), Run.Awaiting.NOTHING, chose);
      }
      if (restore) restoreDatabase(rec, run);
      if (touched) {
        rec.step("rollback_health", () -> StepResult.done(null, s.health.check(rec, "rollback_health", run.fromVersion())));
      }
    } catch (RuntimeException e) {
      // what serves now is not known to work: the gate goes up before the rollback is declared failed
      if (touched && !gate) maintenanceOn(rec, run);
      throw e;
    }
    if (gate) maintenanceOff(rec, run);
    rec.step("cleanup", () -> cleanup(rec, run), "the failed release's folder and the downloads removed");
    String reason = run.reason().orElse("the update failed");
    rec.transition(FAILED, run.fromVersion().map(v -> "rolled back to " + v).orElse("rolled back") + ": " + reason);
    s.audit("system.rollback.completed", rec.refresh(), reason);
    s.audit("system.update.failed", rec.run(), reason);
    return rec.refresh();
  }

  /**
   * The update failed before it changed anything (no swap, no migration, no gate): there is
   * nothing to roll back, and saying "rolled back" or auditing a rollback would be untrue.
   */
  private Run failedUntouched(RunRecorder rec, Run run) {
    rec.step("cleanup", () -> cleanup(rec, run), "the failed release's folder and the downloads removed");
    String reason = run.reason().orElse("the update failed");
    rec.transition(FAILED, "nothing had changed yet" + run.fromVersion()
        .map(v -> ": " + v + " is still serving").orElse("") + "; " + reason);
    s.audit("system.update.failed", rec.refresh(), reason);
    return rec.refresh();
  }

  private Run manual(RunRecorder rec) {
    Run run = rec.refresh();
    Path target = run.releaseDir().orElseThrow(() -> new StepFailedException("rollback_swap", "no release to roll back to"));
    maintenanceOn(rec, run);
    swapTo(rec, run, target);
    if (run.backupId().isPresent()) restoreDatabase(rec, run);
    rec.step("rollback_health", () -> StepResult.done(null, s.health.check(rec, "rollback_health", run.targetVersion())));
    maintenanceOff(rec, run);
    rec.transition(COMPLETED, run.targetVersion().map(v -> v + " is serving again").orElse("rolled back"));
    s.audit("system.rollback.completed", rec.refresh(), null);
    return rec.refresh();
  }

  private void swapTo(RunRecorder rec, Run run, Path good) {
    if (!s.isCurrent(Optional.of(good))) {
      rec.step("rollback_swap", () -> s.ports.workspace().activate(good), "current -> " + good.getFileName());
    }
    UpdateRun.hooks(s, rec, HookPhase.POST_SWAP, "rollback_post_swap", good, s.hookEnv(run, good));
  }

  /**
   * Compares the database's schema version now with the one the pre-update backup recorded (for
   * Laravel, the newest row of {@code migrations}). Succeeds, which makes the rollback restore the
   * database, only when both are known and differ; skipped otherwise.
   */
  private StepResult<Void> schemaCheck(Run run) {
    Optional<String> before = run.backupId().flatMap(s.backups::find).flatMap(BackupRecord::schemaVersion);
    Optional<String> now = s.ports.dumper().schemaVersion();
    if (before.isPresent() && now.isPresent() && !before.equals(now)) {
      return StepResult.done(null, "the database's schema version changed during the update ("
          + before.get() + " -> " + now.get() + ") although no migrate step ran: the new release "
          + "migrated it when it started, so the database is restored");
    }
    return StepResult.skipped(null, before.isEmpty() || now.isEmpty()
        ? "the schema version is unknown (" + (before.isEmpty() ? "not recorded with the backup" : "not readable now")
            + "): only the migrate step tells whether the database changed, and it did not run"
        : "the schema version is unchanged (" + now.get() + ")");
  }

  private Run awaitDecision(RunRecorder rec) {
    String why = "migrations started but their end was never recorded: the database may be half-migrated. "
        + "Decide: `thingyan rollback --restore-db` (restore the pre-update backup; a safety copy of the "
        + "current data is taken first) or `thingyan rollback --keep-db`";
    s.ports.journal().setAwaiting(rec.run().id(), Run.Awaiting.DB_RESTORE_CONFIRMATION, why);
    rec.log(LogLevel.WARN, "db_restore", why);
    return rec.refresh();
  }

  private void restoreDatabase(RunRecorder rec, Run run) {
    if (stepSucceeded(s.ports.journal().steps(run.id()), "db_restore")) return;
    rec.step("db_restore", () -> {
      String id = run.backupId().orElseThrow(() -> new StepFailedException("db_restore", "the run has no backup to restore"));
      BackupRecord backup = s.backups.find(id).orElseThrow(() -> new StepFailedException("db_restore",
          "backup " + id + " is not in the catalog"));
      s.sweepAbandonedBackups(rec, "db_restore");
      BackupRecord safety = s.backups.backup(BackupKind.SAFETY, Optional.of(run.id()), s.currentVersion(),
          new ProgressLog(rec, "db_restore", -1));
      rec.log(LogLevel.INFO, "db_restore", "safety backup " + safety.backupId()
          + " keeps the database as it was before this restore (including anything written during the update)");
      s.backups.restore(backup, new ProgressLog(rec, "db_restore", -1));
      return StepResult.done(null, "database restored from " + id + "; safety backup " + safety.backupId());
    });
  }

  private void maintenanceOn(RunRecorder rec, Run run) {
    rec.step("maintenance_on", () -> {
      try {
        s.gate.raise(rec::log, "maintenance_on", "rollback of run " + run.id(), s.hookEnv(run, s.gate.dir()));
      } catch (StepFailedException e) {
        rec.log(LogLevel.WARN, "maintenance_on", e.getMessage() + " (the rollback goes on)");
      }
      return StepResult.done(null, "maintenance gate on");
    });
  }

  // called only after the rollback's health check passed through the gate
  private void maintenanceOff(RunRecorder rec, Run run) {
    rec.step("maintenance_off", () -> {
      s.gate.lower(rec::log, "maintenance_off", s.hookEnv(run, s.gate.dir()));
      return StepResult.done(null, "maintenance gate off");
    });
  }

  private void cleanup(RunRecorder rec, Run run) {
    new Housekeeping(s).afterRollback(rec, run, stepSucceeded(s.ports.journal().steps(run.id()), "download"));
  }

  private Run fail(RunRecorder rec, String why) {
    String reason = "rollback failed: " + why + ". Updates are blocked: repair the app, then run "
        + "`thingyan resolve --reason \"what you did\"`";
    s.ports.journal().setReason(rec.run().id(), reason);
    try {
      // at every ending: the failed release's folder (unless still current) and the downloads go
      cleanup(rec, rec.refresh());
    } catch (RuntimeException e) {
      // the journal itself may be what failed; the transition below says what matters
    }
    rec.refresh();
    rec.transition(ROLLBACK_FAILED, reason);
    s.audit("system.rollback.failed", rec.refresh(), reason);
    if (rec.run().kind() == RunKind.UPDATE) s.audit("system.update.failed", rec.run(), reason);
    return rec.refresh();
  }

  /** @return the admin's recorded answer: restore (true) or keep (false), if one was recorded */
  private static Optional<Boolean> recordedDecision(java.util.List<StepRecord> steps) {
    Optional<Boolean> answer = Optional.empty();
    for (StepRecord st : steps) {
      if (st.step().equals(DECISION_STEP) && !st.unfinished()) {
        answer = st.outcome().map(o -> o == dev.thingyan.ports.model.StepOutcome.SUCCEEDED);
      }
    }
    return answer;
  }

  static boolean stepSucceeded(java.util.List<StepRecord> steps, String name) {
    return steps.stream().anyMatch(st -> st.step().equals(name) && st.succeeded());
  }
}

package dev.thingyan.domain.run;

import static dev.thingyan.ports.model.RunState.BACKUP_FAILED;
import static dev.thingyan.ports.model.RunState.CHECKING;
import static dev.thingyan.ports.model.RunState.FAILED;
import static dev.thingyan.ports.model.RunState.PRECHECK_FAILED;
import static dev.thingyan.ports.model.RunState.ROLLBACK_RUNNING;

import dev.thingyan.ports.model.HookPhase;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunKind;
import java.util.Optional;

/**
 * Start-up reconciliation of a run a killed process left unfinished (DESIGN.md's table): before
 * anything was touched it ends failed; an interrupted migration asks an admin about the
 * database; a swapped release gets its health check again; a rollback continues.
 */
final class Recovery {

  private final RunServices s;
  private final UpdateRun update;
  private final Rollback rollback;

  Recovery(RunServices services, UpdateRun update, Rollback rollback) {
    this.s = services;
    this.update = update;
    this.rollback = rollback;
  }

  /** Called with the run locks held. */
  Run recover(Run run) {
    RunRecorder rec = s.recorder(run).resumed();
    if (run.awaiting() == Run.Awaiting.DB_RESTORE_CONFIRMATION) {
      return run;
    }
    rec.log(LogLevel.WARN, null, "recovering: the process running this run stopped while it was "
        + run.state().wireName());
    new PreviewStep(s).cleanUpAfterCrash(rec);
    String interrupted = "interrupted while " + run.state().wireName() + " (the process stopped)";
    switch (run.state()) {
      case IDLE:
        if (run.kind() == RunKind.ROLLBACK) {
          rec.transition(ROLLBACK_RUNNING, interrupted);
          return end(rec, FAILED, interrupted + "; nothing was changed, run the rollback again");
        }
        rec.transition(CHECKING, interrupted);
        return end(rec, PRECHECK_FAILED, interrupted + "; nothing was changed");
      case CHECKING:
        return end(rec, PRECHECK_FAILED, interrupted + "; nothing was changed");
      case BACKUP_RUNNING:
        return end(rec, BACKUP_FAILED, interrupted + "; the unfinished backup was discarded, nothing was changed");
      case DOWNLOADING:
      case APPLYING:
      case MIGRATING:
        return rollback.afterFailure(rec, interrupted);
      case HEALTH_CHECK:
        return healthAgain(rec, interrupted);
      case ROLLBACK_RUNNING:
        return rollback.proceed(rec, Optional.empty());
      default:
        return run;
    }
  }

  private Run healthAgain(RunRecorder rec, String interrupted) {
    Run run = rec.run();
    if (!s.isCurrent(run.releaseDir())) {
      return rollback.afterFailure(rec, interrupted + " before the new release was switched in");
    }
    try {
      rec.log(LogLevel.INFO, null, "the new release was switched in: checking its health again");
      if (!Rollback.stepSucceeded(s.ports.journal().steps(run.id()), HookPhase.POST_SWAP.key())) {
        update.hooks(rec, HookPhase.POST_SWAP, run.releaseDir().get(), s.hookEnv(run, run.releaseDir().get()));
      }
      return update.complete(rec);
    } catch (StepFailedException e) {
      return rollback.afterFailure(rec, e.getMessage());
    }
  }

  private Run end(RunRecorder rec, dev.thingyan.ports.model.RunState ending, String reason) {
    s.ports.journal().setReason(rec.run().id(), reason);
    rec.transition(ending, reason);
    if (rec.run().kind() == RunKind.UPDATE) s.audit("system.update.failed", rec.refresh(), reason);
    s.deleteQuietly(rec, s.ports.workspace().downloadDir(rec.run().id().value()));
    return rec.refresh();
  }
}

package dev.thingyan.ports.out;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.NewRun;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.StepOutcome;
import dev.thingyan.ports.model.StepRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of runs, their steps and their log. Every method commits before it returns:
 * the domain writes a fact here BEFORE the side effect it announces, so that a process killed at
 * any moment leaves a journal that recovery can trust. Which transitions are allowed is not the
 * journal's business; it only refuses a write whose expected state is no longer the stored one.
 */
public interface RunJournal {

  /** Stores a new run in state {@code idle} and returns it. */
  Run create(NewRun run);

  /**
   * Moves a run from {@code expected} to {@code next} (compare-and-set) and appends an event with
   * {@code message} as one atomic write.
   *
   * @throws JournalConflictException when the stored state is not {@code expected}
   */
  Run transition(RunId id, RunState expected, RunState next, String message);

  /** Records the staged release folder of a run. */
  void setReleaseDir(RunId id, Path releaseDir);

  /** Records the folder {@code current} pointed at before the run (the last known good release). */
  void setPreviousReleaseDir(RunId id, Path previousReleaseDir);

  /** Records the run's pre-update backup. */
  void setBackupId(RunId id, String backupId);

  /** Records what the run waits for from an admin, and why. */
  void setAwaiting(RunId id, Run.Awaiting awaiting, String reason);

  /** Records the reason a run failed (or why it ended as it did), shown to admins. */
  void setReason(RunId id, String reason);

  /** Clears the block of a {@code rollback_failed} run; the reason is kept for the record. */
  void resolve(RunId id, Actor by, String reason);

  /** Durably records that a step starts (before it does anything), with an event. */
  void stepStarted(RunId id, String step);

  /** Durably records how a step ended, with an event. */
  void stepEnded(RunId id, String step, StepOutcome outcome, String detail);

  /** Appends a log line (hook output, progress, a decision) to the run's log. */
  void log(RunId id, LogLevel level, Optional<String> step, String message);

  /** @return the run with this id. */
  Optional<Run> find(RunId id);

  /** @return the run that has not reached an ending state, if any (at most one exists). */
  Optional<Run> findUnfinished();

  /** @return the newest run that ended {@code rollback_failed} and is not resolved. */
  Optional<Run> findBlocking();

  /** @return the newest completed update run: its release is the last known good one. */
  Optional<Run> findLastCompleted();

  /**
   * @return every update run that recorded a release folder (its staging was created), newest
   *     first, whatever its state: which folders served as a completed update's release and which
   *     only ever held a failed one, and which versions failed when installed
   */
  List<Run> stagedUpdates();

  /** @return runs, newest first. */
  List<Run> history(int limit);

  /** @return the steps of a run in the order they started; a step run twice appears twice. */
  List<StepRecord> steps(RunId id);

  /** @return the run's events with {@code seq > afterSeq}, oldest first, at most {@code limit}. */
  List<RunEvent> events(RunId id, long afterSeq, int limit);
}

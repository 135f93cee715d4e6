package dev.thingyan.domain.report;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.NewRun;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.StepOutcome;
import dev.thingyan.ports.model.StepRecord;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.RunJournal;
import dev.thingyan.ports.out.RunListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of a run journal the failure reporter uses: runs, their log, and a listener told of
 * every event right after it is written, as the JDBC journal does (so a listener that logs hears
 * its own line). What the reporter never calls throws.
 */
final class FakeRunJournal implements RunJournal {
  private final Clock clock;
  private final Map<RunId, Run> runs = new HashMap<>();
  private final List<RunEvent> events = new ArrayList<>();
  private RunListener listener = RunListener.NONE;
  private boolean unreadable;

  FakeRunJournal(Clock clock) {
    this.clock = clock;
  }

  void listener(RunListener listener) {
    this.listener = listener;
  }

  /** @return a run in {@code state}, stored. */
  Run start(RunKind kind, RunState state, String from, String to, Optional<String> reason) {
    Run run = new Run(RunId.random(), kind, state, Optional.of(Version.parse(from)),
        Optional.of(Version.parse(to)), new Actor("user:7"), clock.instant(), clock.instant(),
        Optional.empty(), Optional.empty(), Optional.of("bk-20250401"), Run.Awaiting.NOTHING,
        reason, Optional.empty(), RunOptions.DEFAULT);
    runs.put(run.id(), run);
    return run;
  }

  /** While set, {@link #find} fails as a corrupt row would. */
  void unreadable(boolean unreadable) {
    this.unreadable = unreadable;
  }

  List<RunEvent> events() {
    return List.copyOf(events);
  }

  private RunEvent append(RunId id, Optional<String> step, LogLevel level, String message) {
    RunEvent e = new RunEvent(events.size() + 1L, id, clock.instant(), runs.get(id).state(), step,
        level, message);
    events.add(e);
    return e;
  }

  @Override
  public Run transition(RunId id, RunState expected, RunState next, String message) {
    Run r = runs.get(id);
    if (r.state() != expected) {
      throw new IllegalStateException("run is " + r.state() + ", not " + expected);
    }
    Run moved = new Run(r.id(), r.kind(), next, r.fromVersion(), r.targetVersion(),
        r.requestedBy(), r.startedAt(), clock.instant(), r.releaseDir(), r.previousReleaseDir(),
        r.backupId(), r.awaiting(), r.reason(), r.resolvedBy(), r.options());
    runs.put(id, moved);
    listener.onEvent(append(id, Optional.empty(), LogLevel.INFO, message));
    return moved;
  }

  @Override
  public void log(RunId id, LogLevel level, Optional<String> step, String message) {
    listener.onEvent(append(id, step, level, message));
  }

  @Override
  public void resolve(RunId id, Actor by, String reason) {
    listener.onEvent(append(id, Optional.empty(), LogLevel.INFO, "block resolved by " + by));
  }

  @Override
  public Optional<Run> find(RunId id) {
    if (unreadable) {
      throw new IllegalStateException("run " + id + " cannot be read");
    }
    return Optional.ofNullable(runs.get(id));
  }

  @Override
  public List<RunEvent> events(RunId id, long afterSeq, int limit) {
    return events.stream().filter(e -> e.runId().equals(id) && e.seq() > afterSeq).limit(limit)
        .toList();
  }

  @Override
  public Run create(NewRun run) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setReleaseDir(RunId id, Path releaseDir) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setPreviousReleaseDir(RunId id, Path previousReleaseDir) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setBackupId(RunId id, String backupId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setAwaiting(RunId id, Run.Awaiting awaiting, String reason) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setReason(RunId id, String reason) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void stepStarted(RunId id, String step) {
    log(id, LogLevel.INFO, Optional.of(step), "step " + step + " started");
  }

  @Override
  public void stepEnded(RunId id, String step, StepOutcome outcome, String detail) {
    log(id, LogLevel.INFO, Optional.of(step), "step " + step + " ended: " + detail);
  }

  @Override
  public Optional<Run> findUnfinished() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<Run> findBlocking() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<Run> findLastCompleted() {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Run> stagedUpdates() {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Run> history(int limit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<StepRecord> steps(RunId id) {
    throw new UnsupportedOperationException();
  }
}

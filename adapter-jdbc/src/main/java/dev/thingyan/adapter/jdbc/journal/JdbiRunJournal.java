package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalSql.wire;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.NewRun;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.StepOutcome;
import dev.thingyan.ports.model.StepRecord;
import dev.thingyan.ports.out.JournalConflictException;
import dev.thingyan.ports.out.RunJournal;
import dev.thingyan.ports.out.RunListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run journal in a relational database. Each method is one transaction that has committed when
 * it returns; a transition and its event are written in the same transaction. The listener hears
 * each event after its commit.
 */
public final class JdbiRunJournal implements RunJournal {

  private static final Logger LOG = LoggerFactory.getLogger(JdbiRunJournal.class);

  private final Jdbi jdbi;
  private final Clock clock;
  private final RunListener listener;
  private final RunReads reads = new RunReads();
  private final RunEventWriter events = new RunEventWriter();
  private final RunFieldWriter fields = new RunFieldWriter();

  /**
   * @param listener told of each event once it is committed; {@link RunListener#NONE} for none
   */
  public JdbiRunJournal(Jdbi jdbi, Clock clock, RunListener listener) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public Run create(NewRun run) {
    return jdbi.inTransaction(
        h -> {
          fields.insert(h, run);
          return reads.require(h, run.id());
        });
  }

  @Override
  public Run transition(RunId id, RunState expected, RunState next, String message) {
    Instant now = clock.instant();
    Map.Entry<Run, RunEvent> done =
        jdbi.inTransaction(h -> move(h, id, expected, next, message, now));
    tell(done.getValue());
    return done.getKey();
  }

  private Map.Entry<Run, RunEvent> move(
      Handle h, RunId id, RunState expected, RunState next, String message, Instant now) {
    if (!fields.compareAndSetState(h, id, expected, next, now)) {
      throw new JournalConflictException(
          String.format(
              "run %s is %s, not %s: it was not moved to %s; another process changed it,"
                  + " reload the run before acting on it",
              id, reads.requireState(h, id).wireName(), expected.wireName(), next.wireName()));
    }
    RunEvent event = events.append(h, id, now, next, Optional.empty(), LogLevel.INFO, message);
    return Map.entry(reads.require(h, id), event);
  }

  @Override
  public void setReleaseDir(RunId id, Path releaseDir) {
    setField(id, "release_dir", releaseDir.toString());
  }

  @Override
  public void setPreviousReleaseDir(RunId id, Path previousReleaseDir) {
    setField(id, "previous_release_dir", previousReleaseDir.toString());
  }

  @Override
  public void setBackupId(RunId id, String backupId) {
    setField(id, "backup_id", Objects.requireNonNull(backupId, "backupId"));
  }

  @Override
  public void setReason(RunId id, String reason) {
    setField(id, "reason", Texts.bounded(Objects.requireNonNull(reason, "reason")));
  }

  @Override
  public void setAwaiting(RunId id, Run.Awaiting awaiting, String reason) {
    Instant now = clock.instant();
    jdbi.useTransaction(
        h -> {
          fields.set(h, id, "awaiting", wire(awaiting), now);
          fields.set(h, id, "reason", Texts.bounded(Objects.requireNonNull(reason, "reason")), now);
        });
  }

  @Override
  public void resolve(RunId id, Actor by, String reason) {
    String message = "block resolved by " + by + ": " + reason;
    withEvent(
        id,
        Optional.empty(),
        LogLevel.INFO,
        message,
        (h, now) -> fields.resolve(h, id, by, Texts.bounded(reason), now));
  }

  @Override
  public void stepStarted(RunId id, String step) {
    withEvent(
        id,
        Optional.of(step),
        LogLevel.INFO,
        "step " + step + " started",
        (h, now) -> fields.stepStarted(h, id, step, now));
  }

  @Override
  public void stepEnded(RunId id, String step, StepOutcome outcome, String detail) {
    String text = detail == null ? "" : detail;
    LogLevel level = outcome == StepOutcome.FAILED ? LogLevel.ERROR : LogLevel.INFO;
    String message = "step " + step + " " + wire(outcome) + (text.isBlank() ? "" : ": " + text);
    withEvent(
        id,
        Optional.of(step),
        level,
        message,
        (h, now) -> fields.stepEnded(h, id, step, outcome, Texts.bounded(text), now));
  }

  @Override
  public void log(RunId id, LogLevel level, Optional<String> step, String message) {
    withEvent(id, step, level, message, (h, now) -> {});
  }

  /**
   * Writes a fact and its event, stamped with the run's current state, in one transaction; then
   * tells the listener.
   */
  private void withEvent(
      RunId id, Optional<String> step, LogLevel level, String message, Write write) {
    Instant now = clock.instant();
    RunEvent event =
        jdbi.inTransaction(
            h -> {
              RunState state = reads.requireState(h, id);
              write.to(h, now);
              return events.append(h, id, now, state, step, level, message);
            });
    tell(event);
  }

  /** A write inside {@link #withEvent}'s transaction. */
  @FunctionalInterface
  private interface Write {
    void to(Handle h, Instant now);
  }

  @Override
  public Optional<Run> find(RunId id) {
    return jdbi.withHandle(h -> reads.find(h, id));
  }

  @Override
  public Optional<Run> findUnfinished() {
    return jdbi.withHandle(reads::findUnfinished);
  }

  @Override
  public Optional<Run> findBlocking() {
    return jdbi.withHandle(reads::findBlocking);
  }

  @Override
  public Optional<Run> findLastCompleted() {
    return jdbi.withHandle(reads::findLastCompleted);
  }

  @Override
  public List<Run> stagedUpdates() {
    return jdbi.withHandle(reads::stagedUpdates);
  }

  @Override
  public List<Run> history(int limit) {
    return jdbi.withHandle(h -> reads.history(h, limit));
  }

  @Override
  public List<StepRecord> steps(RunId id) {
    return jdbi.withHandle(h -> reads.steps(h, id));
  }

  @Override
  public List<RunEvent> events(RunId id, long afterSeq, int limit) {
    return jdbi.withHandle(h -> reads.events(h, id, afterSeq, limit));
  }

  private void setField(RunId id, String column, String value) {
    Instant now = clock.instant();
    jdbi.useHandle(h -> fields.set(h, id, column, value, now));
  }

  private void tell(RunEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      // the event is committed; a listener's failure must not look like a journal failure
      LOG.warn(
          "run listener failed on event {} of run {}: {}",
          event.seq(),
          event.runId(),
          e.toString());
    }
  }
}

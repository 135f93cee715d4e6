package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.StepRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** The journal's queries, run on a handle the caller owns (inside or outside a transaction). */
final class RunReads {

  private static final String SELECT_RUN = "SELECT " + RunRows.RUN_COLUMNS + " FROM thingyan_run";

  /** The ending states, spelled as stored; derived from the port so the two cannot drift apart. */
  private static final String ENDING_STATES =
      Arrays.stream(RunState.values())
          .filter(RunState::isEnding)
          .map(s -> "'" + s.wireName() + "'")
          .collect(Collectors.joining(", "));

  Optional<Run> find(Handle h, RunId id) {
    return h.createQuery(SELECT_RUN + " WHERE id = :id")
        .bind("id", id.value())
        .map(RunRows.RUN)
        .findOne();
  }

  Run require(Handle h, RunId id) {
    return find(h, id).orElseThrow(() -> unknown(id));
  }

  /**
   * @return the stored state of the run; throws when there is no such run.
   */
  RunState requireState(Handle h, RunId id) {
    return h.createQuery("SELECT state FROM thingyan_run WHERE id = :id")
        .bind("id", id.value())
        .mapTo(String.class)
        .findOne()
        .map(RunState::fromWire)
        .orElseThrow(() -> unknown(id));
  }

  Optional<Run> findUnfinished(Handle h) {
    // idle counts: a run created and never moved is still the one recovery must look at
    return newest(h, " WHERE state NOT IN (" + ENDING_STATES + ")");
  }

  Optional<Run> findBlocking(Handle h) {
    return newest(
        h, " WHERE state = '" + RunState.ROLLBACK_FAILED.wireName() + "' AND resolved_by IS NULL");
  }

  Optional<Run> findLastCompleted(Handle h) {
    return newest(
        h,
        " WHERE kind = '"
            + JournalSql.wire(RunKind.UPDATE)
            + "' AND state = '"
            + RunState.COMPLETED.wireName()
            + "'");
  }

  List<Run> stagedUpdates(Handle h) {
    return h.createQuery(
            SELECT_RUN
                + " WHERE kind = '"
                + JournalSql.wire(RunKind.UPDATE)
                + "' AND release_dir IS NOT NULL ORDER BY seq DESC")
        .map(RunRows.RUN)
        .list();
  }

  List<Run> history(Handle h, int limit) {
    return h.createQuery(SELECT_RUN + " ORDER BY seq DESC LIMIT :limit")
        .bind("limit", requireLimit(limit))
        .map(RunRows.RUN)
        .list();
  }

  List<StepRecord> steps(Handle h, RunId id) {
    return h.createQuery(
            "SELECT run_id, step, started_at, ended_at, outcome, detail"
                + " FROM thingyan_run_step WHERE run_id = :id ORDER BY seq")
        .bind("id", id.value())
        .map(RunRows.STEP)
        .list();
  }

  List<RunEvent> events(Handle h, RunId id, long afterSeq, int limit) {
    return h.createQuery(
            "SELECT seq, run_id, created_at, state, step, log_level, message FROM"
                + " thingyan_run_event WHERE run_id = :id AND seq > :after ORDER BY seq LIMIT"
                + " :limit")
        .bind("id", id.value())
        .bind("after", afterSeq)
        .bind("limit", requireLimit(limit))
        .map(RunRows.EVENT)
        .list();
  }

  private Optional<Run> newest(Handle h, String where) {
    return h.createQuery(SELECT_RUN + where + " ORDER BY seq DESC LIMIT 1")
        .map(RunRows.RUN)
        .findFirst();
  }

  private static int requireLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + limit);
    }
    return limit;
  }

  static IllegalArgumentException unknown(RunId id) {
    return new IllegalArgumentException("run " + id + " is not in the journal");
  }
}

package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalSql.millis;
import static dev.thingyan.adapter.jdbc.journal.JournalSql.wire;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.NewRun;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.StepOutcome;
import dev.thingyan.ports.model.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** The journal's writes to runs and steps, inside the caller's transaction. */
final class RunFieldWriter {

  /** The columns {@link #set} may write; a column name is never taken from outside. */
  private static final Set<String> SETTABLE =
      Set.of("release_dir", "previous_release_dir", "backup_id", "awaiting", "reason");

  void insert(Handle h, NewRun run) {
    h.createUpdate(
            "INSERT INTO thingyan_run (id, kind, state, from_version, target_version, requested_by,"
                + " started_at, updated_at, awaiting, allow_downgrade, allow_prerelease) VALUES"
                + " (:id, :kind, :state, :from, :target, :by, :at, :at, :awaiting, :down, :pre)")
        .bind("id", run.id().value())
        .bind("kind", wire(run.kind()))
        .bind("state", RunState.IDLE.wireName())
        .bind("from", run.fromVersion().map(Version::toString).orElse(null))
        .bind("target", run.targetVersion().map(Version::toString).orElse(null))
        .bind("by", run.requestedBy().id())
        .bind("at", millis(run.startedAt()))
        .bind("awaiting", wire(Run.Awaiting.NOTHING))
        .bind("down", run.options().allowDowngrade())
        .bind("pre", run.options().allowPreRelease())
        .execute();
  }

  /**
   * @return true when the run was in {@code expected} and is now in {@code next}.
   */
  boolean compareAndSetState(Handle h, RunId id, RunState expected, RunState next, Instant now) {
    return h.createUpdate(
                "UPDATE thingyan_run SET state = :next, updated_at = :now"
                    + " WHERE id = :id AND state = :expected")
            .bind("next", next.wireName())
            .bind("now", millis(now))
            .bind("id", id.value())
            .bind("expected", expected.wireName())
            .execute()
        == 1;
  }

  void set(Handle h, RunId id, String column, String value, Instant now) {
    if (!SETTABLE.contains(column)) {
      throw new IllegalArgumentException("not a settable run column: " + column);
    }
    int changed =
        h.createUpdate(
                "UPDATE thingyan_run SET "
                    + column
                    + " = :value,"
                    + " updated_at = :now WHERE id = :id")
            .bind("value", value)
            .bind("now", millis(now))
            .bind("id", id.value())
            .execute();
    requireRun(id, changed);
  }

  void resolve(Handle h, RunId id, Actor by, String reason, Instant now) {
    int changed =
        h.createUpdate(
                "UPDATE thingyan_run SET resolved_by = :by, resolved_at = :now,"
                    + " reason = :reason, updated_at = :now WHERE id = :id")
            .bind("by", by.id())
            .bind("now", millis(now))
            .bind("reason", reason)
            .bind("id", id.value())
            .execute();
    requireRun(id, changed);
  }

  void stepStarted(Handle h, RunId id, String step, Instant now) {
    h.createUpdate(
            "INSERT INTO thingyan_run_step (run_id, step, started_at)"
                + " VALUES (:id, :step, :now)")
        .bind("id", id.value())
        .bind("step", step)
        .bind("now", millis(now))
        .execute();
  }

  /** Ends the newest open row of the step; a step that never recorded its start gets one row. */
  void stepEnded(Handle h, RunId id, String step, StepOutcome outcome, String detail, Instant now) {
    Optional<Long> open =
        h.createQuery(
                "SELECT seq FROM thingyan_run_step WHERE run_id = :id"
                    + " AND step = :step AND ended_at IS NULL ORDER BY seq DESC LIMIT 1")
            .bind("id", id.value())
            .bind("step", step)
            .mapTo(Long.class)
            .findFirst();
    if (open.isEmpty()) {
      stepStarted(h, id, step, now);
      stepEnded(h, id, step, outcome, detail, now);
      return;
    }
    h.createUpdate(
            "UPDATE thingyan_run_step SET ended_at = :now, outcome = :outcome,"
                + " detail = :detail WHERE seq = :seq")
        .bind("now", millis(now))
        .bind("outcome", wire(outcome))
        .bind("detail", detail.isEmpty() ? null : detail)
        .bind("seq", open.get())
        .execute();
  }

  private static void requireRun(RunId id, int changed) {
    if (changed == 0) {
      throw RunReads.unknown(id);
    }
  }
}

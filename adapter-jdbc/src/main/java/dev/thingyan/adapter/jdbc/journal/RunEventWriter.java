package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunState;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Appends run events inside the caller's transaction, so an event and its fact commit together. */
final class RunEventWriter {

  RunEvent append(
      Handle h,
      RunId id,
      Instant at,
      RunState state,
      Optional<String> step,
      LogLevel level,
      String message) {
    String text = Texts.bounded(message);
    long seq =
        h.createUpdate(
                "INSERT INTO thingyan_run_event"
                    + " (run_id, created_at, state, step, log_level, message)"
                    + " VALUES (:runId, :at, :state, :step, :level, :message)")
            .bind("runId", id.value())
            .bind("at", JournalSql.millis(at))
            .bind("state", state.wireName())
            .bind("step", step.orElse(null))
            .bind("level", JournalSql.wire(level))
            .bind("message", text)
            .executeAndReturnGeneratedKeys("seq")
            .mapTo(Long.class)
            .one();
    return new RunEvent(seq, id, Instant.ofEpochMilli(at.toEpochMilli()), state, step, level, text);
  }
}

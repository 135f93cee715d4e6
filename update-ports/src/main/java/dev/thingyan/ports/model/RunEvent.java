package dev.thingyan.ports.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a run's log: a transition, a step's start or end, a hook's output line, progress.
 *
 * @param seq increasing within the journal; a reader asks for events after the last seq it saw
 * @param state the run's state when the event was written
 */
public record RunEvent(long seq, RunId runId, Instant at, RunState state, Optional<String> step,
    LogLevel level, String message) {
  public RunEvent {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
  }
}

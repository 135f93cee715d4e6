package dev.thingyan.ports.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A step of a run as journaled: written when it starts, completed when it ends. A step with a
 * start and no end was interrupted (or is running).
 */
public record StepRecord(RunId runId, String step, Instant startedAt, Optional<Instant> endedAt,
    Optional<StepOutcome> outcome, Optional<String> detail) {
  public StepRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
  }

  /** @return true when the step recorded its end with {@link StepOutcome#SUCCEEDED}. */
  public boolean succeeded() {
    return outcome.filter(o -> o == StepOutcome.SUCCEEDED).isPresent();
  }

  /** @return true when the step started and never recorded its end. */
  public boolean unfinished() {
    return endedAt.isEmpty();
  }
}

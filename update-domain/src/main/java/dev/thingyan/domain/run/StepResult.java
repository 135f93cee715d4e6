package dev.thingyan.domain.run;

import dev.thingyan.ports.model.StepOutcome;

/** What a step returns: its value for the next steps, and how it is journaled. */
record StepResult<T>(T value, StepOutcome outcome, String detail) {

  static <T> StepResult<T> done(T value, String detail) {
    return new StepResult<>(value, StepOutcome.SUCCEEDED, detail);
  }

  static <T> StepResult<T> skipped(T value, String detail) {
    return new StepResult<>(value, StepOutcome.SKIPPED, detail);
  }
}

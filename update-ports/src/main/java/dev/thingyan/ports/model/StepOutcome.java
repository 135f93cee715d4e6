package dev.thingyan.ports.model;

/** How a journaled step ended. */
public enum StepOutcome {
  SUCCEEDED,
  FAILED,
  /** The step had nothing to do (e.g. no pending migration). */
  SKIPPED
}

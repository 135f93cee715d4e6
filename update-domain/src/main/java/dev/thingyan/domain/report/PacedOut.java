package dev.thingyan.domain.report;

import java.time.Instant;

/** The next write may only go after the pass's deadline: the pass ends, nothing failed. */
final class PacedOut extends Exception {
  private final transient Instant until;

  PacedOut(Instant until) {
    super("next write at " + until, null, false, false);
    this.until = until;
  }

  Instant until() {
    return until;
  }
}

package dev.thingyan.bootstrap.recovery;

import dev.thingyan.ports.out.FaultPoints;

/**
 * A process "dying" at a fault point, in-process: an {@link Error}, which the domain never catches
 * (it catches {@code RuntimeException} and {@code StepFailedException}), so the run unwinds
 * without recording anything more. Only the run locks are released on the way out (try with
 * resources); a real SIGKILL leaves them held, which the crash matrix covers.
 */
final class Crash extends Error {
  private static final long serialVersionUID = 1L;

  Crash(String point) {
    super("crashed at " + point, null, false, false);
  }

  /** @return fault points that crash at {@code point} and pass every other */
  static FaultPoints at(String point) {
    return p -> {
      if (p.equals(point)) {
        throw new Crash(p);
      }
    };
  }
}

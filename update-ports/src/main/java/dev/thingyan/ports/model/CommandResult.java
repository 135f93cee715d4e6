package dev.thingyan.ports.model;

import java.time.Duration;

/** How a command ended. A timed-out command was killed (with its process tree). */
public record CommandResult(int exitCode, boolean timedOut, Duration took) {
  /** @return true when it exited 0 in time. */
  public boolean succeeded() {
    return exitCode == 0 && !timedOut;
  }
}

package dev.thingyan.domain.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits until a moment; tests give one that moves a fake clock instead. */
@FunctionalInterface
public interface Sleeper {
  void sleepUntil(Instant when) throws InterruptedException;

  /** @return a sleeper that sleeps the thread until {@code clock} reaches the moment. */
  static Sleeper of(Clock clock) {
    return when -> {
      Duration left = Duration.between(clock.instant(), when);
      while (!left.isNegative() && !left.isZero()) {
        Thread.sleep(Math.max(1, left.toMillis()));
        left = Duration.between(clock.instant(), when);
      }
    };
  }
}

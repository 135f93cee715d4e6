package dev.thingyan.domain.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that moves only when told, and a {@link Sleeper} that moves it instead of sleeping, so
 * hours of delivery run in milliseconds and every time a test reads is exact.
 */
final class FakeClock extends Clock {
  private Instant now;
  private final List<Instant> sleeps = new ArrayList<>();
  private Runnable onSleep = () -> {};

  FakeClock(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the fake clock is UTC only");
  }

  synchronized void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("time does not go back: " + d);
    }
    now = now.plus(d);
  }

  /** Moves to {@code t}, never backwards. */
  synchronized void moveTo(Instant t) {
    if (t.isAfter(now)) {
      now = t;
    }
  }

  /** @return a sleeper that jumps the clock to the moment it is asked to wait for. */
  Sleeper sleeper() {
    return when -> {
      synchronized (this) {
        sleeps.add(when);
        moveTo(when);
      }
      onSleep.run();
    };
  }

  /** Runs {@code action} after every sleep (another worker acting while this one waits). */
  void onSleep(Runnable action) {
    this.onSleep = action;
  }

  synchronized List<Instant> sleeps() {
    return List.copyOf(sleeps);
  }
}

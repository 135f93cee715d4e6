package dev.thingyan.adapter.jdbc.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test moves by hand; starts at Thingyan 2025 with sub-millisecond digits. */
final class TestClock extends Clock {

  static final Instant START = Instant.parse("2025-04-13T09:30:00.123456789Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(START);

  @Override
  public Instant instant() {
    return now.get();
  }

  /**
   * @return the new time.
   */
  Instant advance(Duration by) {
    return now.updateAndGet(t -> t.plus(by));
  }

  void reset() {
    now.set(START);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the journal works in UTC");
  }
}

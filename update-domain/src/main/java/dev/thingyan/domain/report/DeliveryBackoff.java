package dev.thingyan.domain.report;

import dev.thingyan.ports.out.IssueTrackerException;
import java.time.Duration;
import java.time.Instant;

/**
 * How long delivery waits after a failure. A rate limit waits exactly as long as GitHub said (a
 * secondary limit with no time given waits a minute, as GitHub's documentation asks); any other
 * failure waits exponentially longer each time, from 5 s up to 15 minutes, so that a GitHub
 * outage costs a few requests an hour, not thousands.
 */
final class DeliveryBackoff {
  static final Duration FIRST = Duration.ofSeconds(5);
  static final Duration MAX = Duration.ofMinutes(15);
  static final Duration RATE_LIMIT_DEFAULT = Duration.ofSeconds(60);

  private DeliveryBackoff() {}

  /**
   * @param failures consecutive failures including this one (at least 1)
   * @return when the next request may go
   */
  static Instant after(IssueTrackerException e, int failures, Instant now) {
    if (e.kind() == IssueTrackerException.Kind.RATE_LIMITED) {
      Instant said = e.retryAt().orElse(now.plus(RATE_LIMIT_DEFAULT));
      return said.isAfter(now) ? said : now;
    }
    return now.plus(exponential(failures));
  }

  static Duration exponential(int failures) {
    int doublings = Math.min(Math.max(failures, 1) - 1, 20);
    Duration d = FIRST.multipliedBy(1L << doublings);
    return d.compareTo(MAX) > 0 ? MAX : d;
  }
}

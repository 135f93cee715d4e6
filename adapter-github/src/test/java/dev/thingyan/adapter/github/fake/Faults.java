package dev.thingyan.adapter.github.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the fake has been told to do wrong, and its primary rate limit. Rate-limit answers follow
 * GitHub's documentation: 403 with {@code x-ratelimit-remaining: 0} and {@code x-ratelimit-reset}
 * (epoch seconds) for the primary limit; 403 with the "secondary rate limit" message, and
 * {@code retry-after} seconds when configured, for the secondary one.
 */
final class Faults {
  static final int HOURLY_LIMIT = 5_000;
  static final String SECONDARY_MESSAGE = "You have exceeded a secondary rate limit. Please wait a "
      + "few minutes before you try again. If you reach out to GitHub Support for help, please "
      + "include the request ID 0000:00000:0000000:0000000:00000000.";
  private static final String RATE_DOCS =
      "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";

  private Duration latency = Duration.ZERO;
  private boolean unavailable;
  private final Deque<Integer> failures = new ArrayDeque<>();
  private int secondaryWrites;
  private Optional<Duration> secondaryRetryAfter = Optional.empty();
  private int remaining = HOURLY_LIMIT;
  private Instant reset;

  synchronized Duration latency() {
    return latency;
  }

  synchronized void latency(Duration perRequest) {
    latency = perRequest;
  }

  synchronized void unavailable(boolean down) {
    unavailable = down;
  }

  synchronized void failNext(int status, int count) {
    for (int i = 0; i < count; i++) {
      failures.add(status);
    }
  }

  synchronized void secondaryLimit(int writes, Optional<Duration> retryAfter) {
    secondaryWrites = writes;
    secondaryRetryAfter = retryAfter;
  }

  synchronized void primaryLimit(int remainingNow, Instant resetAt) {
    remaining = remainingNow;
    reset = resetAt;
  }

  /** An outage or a failure injected for this request, before any authentication. */
  synchronized Optional<Reply> injected() {
    if (unavailable) {
      return Optional.of(Reply.html(503, "No server is currently available to service your request."));
    }
    Integer status = failures.poll();
    return status == null ? Optional.empty() : Optional.of(failure(status));
  }

  /** Counts an authenticated request against the limits; a refusal when one is exceeded. */
  synchronized Optional<Reply> rateLimited(boolean write, Instant now) {
    if (reset == null || !now.isBefore(reset)) {
      remaining = HOURLY_LIMIT;
      reset = now.plus(Duration.ofHours(1));
    }
    if (remaining == 0) {
      return Optional.of(Reply.json(403, IssueJson.error("API rate limit exceeded for user ID 1000. If you "
          + "reach out to GitHub Support for help, please include the request ID 0000:00000.", RATE_DOCS)));
    }
    remaining--;
    if (write && secondaryWrites > 0) {
      secondaryWrites--;
      Reply limited = Reply.json(403, IssueJson.error(SECONDARY_MESSAGE, RATE_DOCS + "#about-secondary-rate-limits"));
      return Optional.of(secondaryRetryAfter.map(d -> limited.with("retry-after", "" + d.toSeconds())).orElse(limited));
    }
    return Optional.empty();
  }

  /** The {@code x-ratelimit-*} headers GitHub puts on every answer. */
  synchronized Map<String, String> rateHeaders(Instant now) {
    Instant resetAt = reset == null ? now.plus(Duration.ofHours(1)) : reset;
    Map<String, String> h = new LinkedHashMap<>();
    h.put("x-ratelimit-limit", "" + HOURLY_LIMIT);
    h.put("x-ratelimit-remaining", "" + remaining);
    h.put("x-ratelimit-reset", "" + resetAt.getEpochSecond());
    h.put("x-ratelimit-used", "" + (HOURLY_LIMIT - remaining));
    h.put("x-ratelimit-resource", "core");
    return h;
  }

  private static Reply failure(int status) {
    if (status == 422) {
      return Reply.json(422, IssueJson.validationFailed("Issue", "invalid", "labels", null));
    }
    if (status == 502 || status == 503 || status == 504) {
      return Reply.html(status, "GitHub is having trouble (" + status + ").");
    }
    String message = status >= 500 ? "Server Error" : "Injected failure " + status;
    return Reply.json(status, IssueJson.error(message, IssueJson.DOCS));
  }
}

package dev.thingyan.adapter.github;

import dev.thingyan.ports.out.IssueTrackerException;
import dev.thingyan.ports.out.IssueTrackerException.Kind;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the HTTP client so that no request leaves while GitHub has said to wait: after a
 * successful answer with {@code x-ratelimit-remaining: 0} until its {@code x-ratelimit-reset},
 * and after a rate-limit refusal until its retry time. GitHub warns that requests sent while
 * limited prolong the limit and may get an integration banned, so the gate refuses them locally.
 */
final class RateLimitGate implements Client {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimitGate.class);

  private final Client http;
  private final Clock clock;
  private final AtomicReference<Instant> closedUntil = new AtomicReference<>(Instant.MIN);

  RateLimitGate(Client http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Instant until = closedUntil.get();
    if (clock.instant().isBefore(until)) {
      throw new IssueTrackerException(Kind.RATE_LIMITED, 0, until, "GitHub's rate limit for this "
          + "token is used up until " + until + " (an earlier answer said so); "
          + GitHubErrorDecoder.what(request) + " was not sent. Send it again after that time.", null);
    }
    Response response = http.execute(request, options);
    if (response.status() >= 200 && response.status() < 300 && exhausted(response)) {
      first(response, "x-ratelimit-reset").flatMap(GitHubErrors::resetInstant)
          .map(reset -> clamp(reset, clock.instant())).ifPresent(this::holdUntil);
    }
    return response;
  }

  /** Refuses every request before {@code until} (a later time wins over an earlier one). */
  void holdUntil(Instant until) {
    Instant previous = closedUntil.getAndAccumulate(until, (a, b) -> a.isAfter(b) ? a : b);
    if (until.isAfter(previous)) {
      LOG.warn("GitHub rate limit: no request to GitHub Issues before {}", until);
    }
  }

  private static boolean exhausted(Response response) {
    return first(response, "x-ratelimit-remaining").map(String::trim).filter("0"::equals).isPresent();
  }

  private static Optional<String> first(Response response, String name) {
    Collection<String> values = response.headers().get(name);
    return GitHubErrorDecoder.first(values);
  }

  // A reset already past (clock skew) holds nothing; one beyond the hour-long window is capped.
  private static Instant clamp(Instant reset, Instant now) {
    Instant latest = now.plus(IssueErrors.LONGEST_WAIT);
    return reset.isAfter(latest) ? latest : reset;
  }
}

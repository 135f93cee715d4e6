package dev.thingyan.adapter.github;

import dev.thingyan.ports.out.IssueTrackerException;
import dev.thingyan.ports.out.IssueTrackerException.Kind;
import feign.RetryableException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a GitHub error answer to an issue call into an {@link IssueTrackerException} whose kind
 * tells the caller what it may do and whose message tells an admin what happened and what to do.
 * Rate limits follow GitHub's documentation ("Rate limits for the REST API"): {@code retry-after}
 * seconds first, then {@code x-ratelimit-reset} when {@code x-ratelimit-remaining} is 0, otherwise
 * at least a minute for a secondary limit.
 */
final class IssueErrors {
  /** GitHub: without either header, wait at least one minute after a secondary rate limit. */
  static final Duration SECONDARY_WAIT = Duration.ofMinutes(1);
  /** A wait longer than the primary limit's hour means a broken header or a skewed clock. */
  static final Duration LONGEST_WAIT = Duration.ofHours(1);

  private final GitHubIssuesConfig config;
  private final String repository;
  private final Clock clock;
  private final IssueToken token;

  IssueErrors(GitHubIssuesConfig config, Clock clock, IssueToken token) {
    this.config = config;
    this.repository = config.repository();
    this.clock = clock;
    this.token = token;
  }

  /**
   * @param what the request, for the message: e.g. {@code POST /repos/acme/pms/issues}
   * @param header a response header's first value by name (case-insensitive)
   */
  IssueTrackerException toException(int status, String what,
      Function<String, Optional<String>> header, byte[] body) {
    String said = GitHubErrors.githubSays(body);
    String head = " (HTTP " + status + said + ") for " + what;
    if (status == 403 || status == 429) {
      Optional<IssueTrackerException> limited = rateLimited(status, head, said, header);
      if (limited.isPresent()) {
        return limited.get();
      }
    }
    return byStatus(status, head);
  }

  private Optional<IssueTrackerException> rateLimited(int status, String head, String said,
      Function<String, Optional<String>> header) {
    Instant now = clock.instant();
    Optional<Instant> after = header.apply("retry-after").flatMap(IssueErrors::seconds).map(now::plusSeconds);
    boolean exhausted = header.apply("x-ratelimit-remaining").map(String::trim).filter("0"::equals).isPresent();
    String lower = said.toLowerCase(Locale.ROOT);
    boolean secondary = lower.contains("secondary rate limit") || lower.contains("abuse");
    Instant retryAt;
    if (after.isPresent()) {
      retryAt = after.get();
    } else if (exhausted) {
      retryAt = header.apply("x-ratelimit-reset").flatMap(GitHubErrors::resetInstant)
          .orElse(now.plus(SECONDARY_WAIT));
    } else if (secondary || lower.contains("rate limit") || status == 429) {
      retryAt = now.plus(SECONDARY_WAIT);
    } else {
      return Optional.empty();
    }
    retryAt = clamp(retryAt, now);
    String which = exhausted && !secondary
        ? "GitHub's API rate limit for this token is used up"
        : "GitHub's secondary rate limit was hit (too many requests or too much new content in a short time)";
    return Optional.of(new IssueTrackerException(Kind.RATE_LIMITED, status, retryAt,
        token.scrub(which + head + ". Send nothing before " + retryAt + ", then send it again; "
            + "requests sent earlier prolong the limit."), null));
  }

  private IssueTrackerException byStatus(int status, String head) {
    if (status == 401) {
      return error(Kind.UNAUTHORIZED, status, "GitHub refused the token" + head + ": it is invalid, "
          + "expired or revoked. Put a valid token with Issues read and write permission on "
          + repository + " where the configuration reads it.");
    }
    if (status == 403) {
      return error(Kind.UNAUTHORIZED, status, "GitHub refused access" + head + ": the token may not "
          + "write issues in " + repository + ". Give it Issues read and write permission "
          + "(fine-grained token) or the repo scope (classic token), and check the organisation's SSO "
          + "and IP allow list.");
    }
    if (status == 404 || (status >= 300 && status < 400)) {
      return error(Kind.NOT_FOUND, status, "Not found" + head + ": the repository " + repository
          + " or the issue does not exist, was renamed or moved, or the token cannot see it (GitHub "
          + "answers 404 for a private repository a token may not read). Check the configured "
          + "repository and the token's access.");
    }
    if (status == 410) {
      return error(Kind.NOT_FOUND, status, "Gone" + head + ": issues are disabled in " + repository
          + " or the issue was deleted. Enable Issues in the repository's settings, or configure "
          + "another repository.");
    }
    if (status >= 400 && status < 500) {
      return error(Kind.REJECTED, status, "GitHub rejected the request" + head + ". Sending it "
          + "again would fail again: GitHub's message says what to change (title, body or labels).");
    }
    return error(Kind.UNAVAILABLE, status, "GitHub is unavailable" + head + ". The request may or "
        + "may not have taken effect: try again later, and look for a new issue before creating it again.");
  }

  /** No answer came: the connection failed or timed out (Feign wraps the IOException). */
  IssueTrackerException unavailable(String what, RetryableException e) {
    URI base = config.apiBaseUrl();
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String happened;
    if (cause instanceof HttpConnectTimeoutException) {
      happened = "GitHub at " + base + " did not accept a connection within " + config.connectTimeout();
    } else if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
      happened = "GitHub at " + base + " did not answer within " + config.readTimeout();
    } else if (cause instanceof ConnectException) {
      happened = "Could not connect to GitHub at " + base;
    } else if (cause instanceof UnknownHostException) {
      happened = "The host of " + base + " could not be resolved";
    } else {
      happened = "The connection to GitHub at " + base + " failed (" + cause.getClass().getSimpleName()
          + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
    }
    return new IssueTrackerException(Kind.UNAVAILABLE, 0, null, token.scrub(happened + " while "
        + what + ". The request may or may not have taken effect: check this server's network "
        + "connection and proxy, then try again later (for a new issue, look for it first)."),
        token.safeCause(e));
  }

  private IssueTrackerException error(Kind kind, int status, String message) {
    return new IssueTrackerException(kind, status, null, token.scrub(message), null);
  }

  // Never sooner than a second from now, never later than the longest wait.
  private static Instant clamp(Instant retryAt, Instant now) {
    Instant earliest = now.plusSeconds(1);
    Instant latest = now.plus(LONGEST_WAIT);
    return retryAt.isBefore(earliest) ? earliest : retryAt.isAfter(latest) ? latest : retryAt;
  }

  private static Optional<Long> seconds(String value) {
    try {
      long s = Long.parseLong(value.trim());
      return s < 0 ? Optional.empty() : Optional.of(s);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

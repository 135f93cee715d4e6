package dev.thingyan.ports.out;

import dev.thingyan.ports.error.UnavailableException;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to the issue tracker failed. The message says what happened in words an admin can
 * act on and never holds the token.
 */
public class IssueTrackerException extends UnavailableException {
  private static final long serialVersionUID = 1L;

  /** The {@link #code()} of this failure. */
  public static final String CODE = "issue_tracker_failed";

  /** What the caller may do next. */
  public enum Kind {
    /** Primary or secondary rate limit: wait until {@link #retryAt()}, then send it again. */
    RATE_LIMITED,
    /**
     * Network failure, timeout or 5xx: the request may or may not have taken effect; retry later
     * with backoff (for a create: look for the issue first).
     */
    UNAVAILABLE,
    /** The token is missing, wrong or lacks the permission: nothing works until it is fixed. */
    UNAUTHORIZED,
    /** The issue or repository does not exist (404) or is gone (410). */
    NOT_FOUND,
    /** Any other 4xx (422 validation, issues disabled): sending it again would fail again. */
    REJECTED
  }

  private final Kind kind;
  private final int status;
  private final Instant retryAt;

  /**
   * @param status the HTTP status, or 0 when no response came
   * @param retryAt when a retry may be sent, if the tracker said so
   */
  public IssueTrackerException(Kind kind, int status, Instant retryAt, String message,
      Throwable cause) {
    super(CODE, message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.status = status;
    this.retryAt = retryAt;
  }

  public IssueTrackerException(Kind kind, int status, String message) {
    this(kind, status, null, message, null);
  }

  public Kind kind() {
    return kind;
  }

  /** @return the HTTP status, or 0 when no response came. */
  public int status() {
    return status;
  }

  /** @return when the tracker allows the next request, if it said. */
  public Optional<Instant> retryAt() {
    return Optional.ofNullable(retryAt);
  }
}

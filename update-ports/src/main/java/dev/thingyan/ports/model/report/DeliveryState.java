package dev.thingyan.ports.model.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The delivery worker's own state, kept in the journal so that a restart (or the next CLI
 * process) honours a rate limit, a backoff and the spacing of writes.
 *
 * @param pausedUntil no request to GitHub before this time (rate limit or backoff)
 * @param failures consecutive failed passes (for the exponential backoff)
 * @param lastError the last failure, free of secrets
 * @param lastWriteAt the last write request sent to GitHub (writes are spaced)
 * @param mapRebuiltAt when the map was last rebuilt from GitHub's labelled issues
 */
public record DeliveryState(Optional<Instant> pausedUntil, int failures,
    Optional<String> lastError, Optional<Instant> lastWriteAt, Optional<Instant> mapRebuiltAt) {

  /** Nothing ever happened. */
  public static final DeliveryState INITIAL = new DeliveryState(Optional.empty(), 0,
      Optional.empty(), Optional.empty(), Optional.empty());

  public DeliveryState {
    Objects.requireNonNull(pausedUntil, "pausedUntil");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(lastWriteAt, "lastWriteAt");
    Objects.requireNonNull(mapRebuiltAt, "mapRebuiltAt");
    if (failures < 0) {
      throw new IllegalArgumentException("failures must not be negative");
    }
  }
}

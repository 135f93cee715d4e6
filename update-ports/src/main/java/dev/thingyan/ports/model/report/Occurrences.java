package dev.thingyan.ports.model.report;

import dev.thingyan.ports.model.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Occurrences of one fingerprint folded together: how many, when, the newest version among them
 * and the newest report (a sample for the occurrence comment).
 *
 * @param count at least 1
 * @param first when the earliest of them was accepted
 * @param last when the latest of them was accepted
 * @param maxVersion the newest app version among them, when any report carried one
 * @param latestReportId the outbox id of the latest of them
 */
public record Occurrences(long count, Instant first, Instant last, Optional<Version> maxVersion,
    long latestReportId) {
  public Occurrences {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(maxVersion, "maxVersion");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("last must not be before first");
    }
  }
}

package dev.thingyan.ports.model.report;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One error whose reports wait to be sent: accepted, not yet folded into its issue (a new
 * error, GitHub paused or not configured), as {@code thingyan reports} lists it.
 *
 * @param fingerprint the error's fingerprint
 * @param title the title of its oldest waiting report (redacted)
 * @param count waiting reports of this error
 * @param lastSeen when the newest of them was accepted
 * @param issueNumber its GitHub issue when it already has one
 */
public record WaitingError(String fingerprint, String title, long count, Instant lastSeen,
    OptionalLong issueNumber) {
  public WaitingError {
    Fingerprints.check(fingerprint);
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(issueNumber, "issueNumber");
  }
}

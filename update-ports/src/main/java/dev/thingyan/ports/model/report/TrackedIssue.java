package dev.thingyan.ports.model.report;

import dev.thingyan.ports.model.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of the local fingerprint → issue map, which is the truth about which issue tracks which
 * error (the marker in the issue body only repairs a lost map).
 *
 * @param fingerprint 64 lower-case hex characters
 * @param status where delivery stands for this fingerprint
 * @param issueNumber the GitHub issue, once known
 * @param closed whether the issue was closed on GitHub when last seen
 * @param title the issue title (already redacted and trimmed)
 * @param occurrences every occurrence folded in so far, reported or not
 * @param unreported occurrences GitHub has not been told of yet (waiting for the next comment)
 * @param firstSeen the earliest occurrence
 * @param lastSeen the latest occurrence
 * @param maxVersion the newest app version among all occurrences
 * @param reportedVersion the newest app version GitHub has been told of
 * @param lastReportedAt when the issue was created or last commented on
 * @param latestReportId the outbox id of the latest occurrence (the comment's sample)
 * @param createAttempts create requests sent so far (more than one means: look before creating)
 * @param lastError why the last attempt failed, already free of secrets
 */
public record TrackedIssue(String fingerprint, Status status, OptionalLong issueNumber,
    boolean closed, String title, long occurrences, long unreported, Instant firstSeen,
    Instant lastSeen, Optional<Version> maxVersion, Optional<Version> reportedVersion,
    Optional<Instant> lastReportedAt, long latestReportId, int createAttempts,
    Optional<String> lastError) {

  /** Where delivery stands for one fingerprint. */
  public enum Status {
    /** No issue known; none was ever requested. */
    NEW,
    /**
     * A create request was sent and its outcome is not known (timeout, server error, killed
     * process): the issue may exist, so the next attempt looks for its marker first.
     */
    CREATING,
    /** The issue is known and linked. */
    LINKED,
    /** GitHub refused the issue (4xx): kept, not retried until an admin asks. */
    REJECTED
  }

  public TrackedIssue {
    Fingerprints.check(fingerprint);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(issueNumber, "issueNumber");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(maxVersion, "maxVersion");
    Objects.requireNonNull(reportedVersion, "reportedVersion");
    Objects.requireNonNull(lastReportedAt, "lastReportedAt");
    Objects.requireNonNull(lastError, "lastError");
    if (status == Status.LINKED && issueNumber.isEmpty()) {
      throw new IllegalArgumentException("a linked fingerprint needs an issue number");
    }
    if (occurrences < 0 || unreported < 0 || unreported > occurrences) {
      throw new IllegalArgumentException("need 0 <= unreported <= occurrences");
    }
  }
}

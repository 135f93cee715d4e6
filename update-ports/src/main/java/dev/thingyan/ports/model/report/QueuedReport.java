package dev.thingyan.ports.model.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A report as the outbox holds it: already validated and redacted, with its fingerprint.
 *
 * @param id the outbox's id, increasing in the order reports were accepted
 * @param fingerprint 64 lower-case hex characters
 * @param report the redacted report
 * @param acceptedAt when it was accepted (and became durable)
 */
public record QueuedReport(long id, String fingerprint, ErrorReport report, Instant acceptedAt) {
  public QueuedReport {
    Fingerprints.check(fingerprint);
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(acceptedAt, "acceptedAt");
  }
}

package dev.thingyan.ports.model.report;

/**
 * What the sender of a report is told once the report is durable.
 *
 * @param reportId the outbox id
 * @param fingerprint the report's fingerprint; equal fingerprints end in one issue
 * @param issueNumber the GitHub issue already tracking this fingerprint, or 0 when none is known
 *     yet (the issue is created later, by the delivery worker)
 */
public record ReportReceipt(long reportId, String fingerprint, long issueNumber) {
  public ReportReceipt {
    Fingerprints.check(fingerprint);
    if (issueNumber < 0) {
      throw new IllegalArgumentException("issueNumber must not be negative");
    }
  }
}

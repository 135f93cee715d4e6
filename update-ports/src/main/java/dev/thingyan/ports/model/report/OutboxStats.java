package dev.thingyan.ports.model.report;

/**
 * Counts for the status screen.
 *
 * @param pending accepted reports not yet folded into an issue
 * @param rejected reports GitHub refused (kept for the admin)
 * @param delivered reports folded into an issue and still kept
 * @param issues fingerprints with an issue
 * @param unreported occurrences waiting for their next comment
 */
public record OutboxStats(long pending, long rejected, long delivered, long issues,
    long unreported) {}

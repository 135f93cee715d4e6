package dev.thingyan.ports.in;

import dev.thingyan.ports.model.report.DeliveryPass;
import java.time.Instant;

/**
 * Sends what the outbox holds to GitHub, one request at a time, honouring rate limits and the
 * spacing of writes. One worker in all processes does it (a lease in the journal); a caller that
 * does not get the lease returns at once.
 */
public interface DeliverErrorReports {

  /**
   * Delivers until the outbox has nothing due, GitHub asks to wait past {@code deadline}, or the
   * deadline passes. Never throws for a GitHub failure: it is recorded and retried later.
   *
   * @return what the pass did
   */
  DeliveryPass deliver(Instant deadline);

  /**
   * Rebuilds the fingerprint → issue map from the labelled issues on GitHub (open and closed),
   * reading the hidden marker in each body; rows that exist locally are kept.
   *
   * @return how many fingerprints were linked
   */
  int rebuildMap();

  /**
   * Puts fingerprints GitHub refused back in the queue (after the admin fixed the cause).
   *
   * @return how many
   */
  int retryRejected();
}

package dev.thingyan.ports.model.report;

import dev.thingyan.ports.model.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A pending report without its body: what folding needs, so that a batch of reports of up to a
 * megabyte each is never held in memory at once.
 *
 * @param id the outbox id
 * @param fingerprint 64 lower-case hex characters
 * @param acceptedAt when it was accepted
 * @param appVersion the app version it reported, if any
 */
public record PendingReport(long id, String fingerprint, Instant acceptedAt,
    Optional<Version> appVersion) {
  public PendingReport {
    Fingerprints.check(fingerprint);
    Objects.requireNonNull(acceptedAt, "acceptedAt");
    Objects.requireNonNull(appVersion, "appVersion");
  }
}

package dev.thingyan.ports.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a probe is asked to confirm.
 *
 * @param expectedVersion the version that must be serving, when the probe can tell (e.g. a
 *     {@code /health} body that reports {@code app_version})
 */
public record ProbeContext(Optional<Version> expectedVersion) {
  public ProbeContext {
    Objects.requireNonNull(expectedVersion, "expectedVersion");
  }

  public static final ProbeContext ANY = new ProbeContext(Optional.empty());
}

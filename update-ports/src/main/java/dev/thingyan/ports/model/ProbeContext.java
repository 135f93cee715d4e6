package dev.thingyan.ports.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a probe is asked to confirm, and how it reaches the app.
 *
 * @param expectedVersion the version that must be serving, when the probe can tell (e.g. a
 *     {@code /health} body that reports {@code app_version}); asked only after the post-swap
 *     hooks ran, so another version answering proves the release broken
 * @param gate present while the maintenance gate is up: the probe must pass through it (see
 *     {@link GateBypass}); a probe that does not talk HTTP ignores it
 */
public record ProbeContext(Optional<Version> expectedVersion, Optional<GateBypass> gate) {
  public ProbeContext {
    Objects.requireNonNull(expectedVersion, "expectedVersion");
    Objects.requireNonNull(gate, "gate");
  }

  /** Without a gate to pass. */
  public ProbeContext(Optional<Version> expectedVersion) {
    this(expectedVersion, Optional.empty());
  }

  public static final ProbeContext ANY = new ProbeContext(Optional.empty());
}

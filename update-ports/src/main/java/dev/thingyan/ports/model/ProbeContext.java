package dev.thingyan.ports.model;

import java.net.URI;
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
 * @param origin present during the preview (before the swap): the probe asks this origin
 *     ({@code scheme://host:port}, where the staged release is served privately) instead of the
 *     one it is configured with, keeping its path, query and headers; only probes that
 *     {@link dev.thingyan.ports.out.Probe#followsOrigin() follow an origin} are asked then
 */
public record ProbeContext(Optional<Version> expectedVersion, Optional<GateBypass> gate, Optional<URI> origin) {
  public ProbeContext {
    Objects.requireNonNull(expectedVersion, "expectedVersion");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(origin, "origin");
  }

  /** The installed release, through the gate while it is up. */
  public ProbeContext(Optional<Version> expectedVersion, Optional<GateBypass> gate) {
    this(expectedVersion, gate, Optional.empty());
  }

  /** Without a gate to pass. */
  public ProbeContext(Optional<Version> expectedVersion) {
    this(expectedVersion, Optional.empty());
  }

  public static final ProbeContext ANY = new ProbeContext(Optional.empty());
}

package dev.thingyan.ports.model;

import java.util.Objects;

/**
 * A release the automatic choice looked at, and why it was taken or skipped: an admin reading
 * {@code check} sees why 5.0.0 is not offered and 4.5.0 is.
 *
 * @param taken true for the release chosen (at most one of a check's list)
 * @param why what decided it, e.g. {@code has an invalid signature: ...}
 */
public record ConsideredRelease(Version version, String tag, boolean taken, String why) {
  public ConsideredRelease {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(why, "why");
  }
}

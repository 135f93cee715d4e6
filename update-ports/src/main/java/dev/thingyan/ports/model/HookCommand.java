package dev.thingyan.ports.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A configured command, run by {@code /bin/sh -c}.
 *
 * @param onlyIf a command run first in the same folder; the hook runs only if it exits 0 (e.g.
 *     {@code test ! -d vendor}); when it exits non-zero the hook is skipped, which for a migrate
 *     hook means "no migration pending"
 */
public record HookCommand(String run, Duration timeout, Optional<String> onlyIf) {
  public HookCommand {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(onlyIf, "onlyIf");
    if (run.isBlank()) {
      throw new IllegalArgumentException("run: a hook command must not be empty");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: must be positive");
    }
  }
}

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
 * @param runsAs whose command it is: the app's (caches, migrations: run as the app user, so the
 *     files they write belong to the user the web server runs as) or thingyan's own (a service
 *     reload or restart, which needs thingyan's privileges, not the app user's)
 */
public record HookCommand(String run, Duration timeout, Optional<String> onlyIf, RunsAs runsAs) {

  /** Whose privileges a hook command runs with. */
  public enum RunsAs {
    /** The app user ({@code app.user}) when one is configured, else thingyan's own user. */
    APP,
    /** Always thingyan's own user (e.g. {@code systemctl reload php8.2-fpm} when run as root). */
    THINGYAN
  }

  public HookCommand {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(onlyIf, "onlyIf");
    Objects.requireNonNull(runsAs, "runsAs");
    if (run.isBlank()) {
      throw new IllegalArgumentException("run: a hook command must not be empty");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: must be positive");
    }
  }

  /** An app command ({@link RunsAs#APP}). */
  public HookCommand(String run, Duration timeout, Optional<String> onlyIf) {
    this(run, timeout, onlyIf, RunsAs.APP);
  }
}

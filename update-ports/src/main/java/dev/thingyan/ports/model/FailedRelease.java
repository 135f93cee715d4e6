package dev.thingyan.ports.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A version whose latest conclusive installation failed: the update ended {@code failed} (rolled
 * back) or {@code rollback_failed} after a step of the release itself (its archive, its hooks, its
 * health check) failed; a run killed or stopped by its environment does not count. The automatic
 * choice of a release ({@code check}, {@code apply} with no version) passes it over until it is
 * named explicitly or a newer one appears, so that an unattended {@code apply} does not retry a
 * bad release (a backup and a restore) every time it runs.
 *
 * @param endedAs {@link RunState#FAILED} or {@link RunState#ROLLBACK_FAILED}
 * @param failedAt when that run ended
 */
public record FailedRelease(Version version, RunId runId, RunState endedAs, Instant failedAt) {
  public FailedRelease {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(failedAt, "failedAt");
    if (endedAs != RunState.FAILED && endedAs != RunState.ROLLBACK_FAILED) {
      throw new IllegalArgumentException("a failed release's run ended failed or rollback_failed, not " + endedAs);
    }
  }
}

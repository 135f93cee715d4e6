package dev.thingyan.domain.policy;

import dev.thingyan.ports.model.ReleaseManifest;
import dev.thingyan.ports.model.Version;
import java.util.Optional;

/**
 * Whether a release may replace the one serving: no downgrade (nor reinstall of the same
 * version) unless an admin allows it, the release's {@code upgrade_from} range, and the oldest
 * thingyan the release needs.
 */
public final class CompatibilityPolicy {

  private CompatibilityPolicy() {}

  public static Decision check(Optional<Version> current, Version target, ReleaseManifest manifest,
      Version agentVersion, boolean allowDowngrade) {
    if (manifest.minAgentVersion().isPresent() && agentVersion.compareTo(manifest.minAgentVersion().get()) < 0) {
      return Decision.refuse("release " + target + " needs thingyan " + manifest.minAgentVersion().get()
          + " or newer (this is " + agentVersion + "): update thingyan first");
    }
    if (current.isEmpty()) {
      return Decision.allow("no version installed yet: " + target + " will be the first");
    }
    Version from = current.get();
    int order = target.compareTo(from);
    if (order <= 0 && !allowDowngrade) {
      return Decision.refuse(order == 0
          ? target + " is already installed"
          : target + " is older than the installed " + from
              + ": a downgrade needs the explicit allow-downgrade option");
    }
    if (order > 0 && manifest.upgradeFrom().isPresent()) {
      SemverRange range = SemverRange.parse(manifest.upgradeFrom().get());
      if (!range.contains(from)) {
        return Decision.refuse("release " + target + " can only be installed over versions " + range
            + "; " + from + " is installed: install an intermediate release first");
      }
    }
    return Decision.allow(from + " -> " + target + (order < 0 ? " (downgrade allowed by admin)" : ""));
  }
}

package dev.thingyan.ports.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The optional {@code release.json} of a release. Absent fields take the safe default: migrations
 * are assumed required and irreversible.
 *
 * @param upgradeFrom a semver range such as {@code >=1.2.0 <2.0.0}; empty means any older version
 * @param minAgentVersion the oldest thingyan able to install this release
 */
public record ReleaseManifest(Optional<String> schemaVersion, boolean requiresMigration,
    boolean migrationsReversible, boolean maintenanceRequired, Optional<String> upgradeFrom,
    Optional<Version> minAgentVersion) {
  public ReleaseManifest {
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    Objects.requireNonNull(upgradeFrom, "upgradeFrom");
    Objects.requireNonNull(minAgentVersion, "minAgentVersion");
  }

  /** The manifest assumed for a release without {@code release.json}. */
  public static final ReleaseManifest DEFAULT = new ReleaseManifest(Optional.empty(), true, false,
      false, Optional.empty(), Optional.empty());
}

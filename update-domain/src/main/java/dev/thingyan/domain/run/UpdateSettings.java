package dev.thingyan.domain.run;

import dev.thingyan.ports.model.ExtractionLimits;
import dev.thingyan.ports.model.HookCommand;
import dev.thingyan.ports.model.HookPhase;
import dev.thingyan.ports.model.Version;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The values that shape a run, from the configuration.
 *
 * @param packageAssetGlobs which release asset is the app package: globs tried in order, e.g.
 *     {@code *.tar.gz} then {@code *.zip}
 * @param requireSignature refuse releases without a valid {@code SHA256SUMS.minisig}
 * @param minFreeDiskBytes the precheck's floor for free space on the app root's file system
 * @param keepReleases release folders kept (current and the last known good are always kept)
 * @param keepBackups backups kept, at least 3 (the spec's minimum)
 * @param backupTimeout how long a dump may take before it is stopped and the backup fails
 * @param health retries and interval of the health check
 * @param agentVersion this thingyan's version, for {@code min_agent_version}
 * @param secrets values masked wherever run output is recorded
 * @param appGateMarker the file, relative to the current release, that the app's own maintenance
 *     mode leaves (Laravel: {@code storage/framework/down}); when it exists without thingyan's
 *     flag, someone put the app down by hand
 * @param intake how releases are taken in (signature binding, SHA256SUMS coverage, download bounds)
 */
public record UpdateSettings(
    Map<HookPhase, List<HookCommand>> hooks,
    List<String> sharedPaths,
    List<String> packageAssetGlobs,
    boolean requireSignature,
    ExtractionLimits extractionLimits,
    long minFreeDiskBytes,
    int keepReleases,
    int keepBackups,
    Duration backupTimeout,
    HealthPolicy health,
    Duration lockLease,
    Version agentVersion,
    Set<String> secrets,
    Optional<String> appGateMarker,
    IntakeSettings intake) {

  /** With the default intake settings. */
  public UpdateSettings(Map<HookPhase, List<HookCommand>> hooks, List<String> sharedPaths,
      List<String> packageAssetGlobs, boolean requireSignature, ExtractionLimits extractionLimits,
      long minFreeDiskBytes, int keepReleases, int keepBackups, Duration backupTimeout,
      HealthPolicy health, Duration lockLease, Version agentVersion, Set<String> secrets,
      Optional<String> appGateMarker) {
    this(hooks, sharedPaths, packageAssetGlobs, requireSignature, extractionLimits, minFreeDiskBytes,
        keepReleases, keepBackups, backupTimeout, health, lockLease, agentVersion, secrets,
        appGateMarker, IntakeSettings.DEFAULT);
  }

  /** Without an app gate marker. */
  public UpdateSettings(Map<HookPhase, List<HookCommand>> hooks, List<String> sharedPaths,
      List<String> packageAssetGlobs, boolean requireSignature, ExtractionLimits extractionLimits,
      long minFreeDiskBytes, int keepReleases, int keepBackups, Duration backupTimeout,
      HealthPolicy health, Duration lockLease, Version agentVersion, Set<String> secrets) {
    this(hooks, sharedPaths, packageAssetGlobs, requireSignature, extractionLimits, minFreeDiskBytes,
        keepReleases, keepBackups, backupTimeout, health, lockLease, agentVersion, secrets, Optional.empty());
  }

  public UpdateSettings {
    Map<HookPhase, List<HookCommand>> copy = new EnumMap<>(HookPhase.class);
    hooks.forEach((phase, list) -> copy.put(phase, List.copyOf(list)));
    hooks = Map.copyOf(copy);
    sharedPaths = List.copyOf(sharedPaths);
    packageAssetGlobs = List.copyOf(packageAssetGlobs);
    if (packageAssetGlobs.isEmpty()) throw new IllegalArgumentException("packageAssetGlobs: give at least one glob");
    Objects.requireNonNull(extractionLimits, "extractionLimits");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(backupTimeout, "backupTimeout");
    Objects.requireNonNull(lockLease, "lockLease");
    Objects.requireNonNull(agentVersion, "agentVersion");
    secrets = Set.copyOf(secrets);
    Objects.requireNonNull(appGateMarker, "appGateMarker");
    Objects.requireNonNull(intake, "intake");
    if (minFreeDiskBytes < 0) throw new IllegalArgumentException("minFreeDiskBytes must not be negative");
    if (keepReleases < 2) throw new IllegalArgumentException("keepReleases must be at least 2");
    if (keepBackups < 3) throw new IllegalArgumentException("keepBackups must be at least 3 (the spec keeps the last 3 backups at least)");
  }

  /** @return the commands of a phase, in order (empty when none is configured). */
  public List<HookCommand> hooks(HookPhase phase) {
    return hooks.getOrDefault(phase, List.of());
  }

  /**
   * How the health check retries: a new release gets {@code attempts} tries, {@code interval}
   * apart, to answer every probe.
   *
   * @param failFast end the wait at the first answer that proves the release broken (a 500, the
   *     wrong version); only "not ready yet" answers are retried
   */
  public record HealthPolicy(int attempts, Duration interval, boolean failFast) {
    public HealthPolicy {
      if (attempts < 1) throw new IllegalArgumentException("health attempts must be at least 1");
      Objects.requireNonNull(interval, "interval");
    }

    /** With fail-fast on (the default). */
    public HealthPolicy(int attempts, Duration interval) {
      this(attempts, interval, true);
    }
  }
}

package dev.thingyan.domain.policy;

import dev.thingyan.ports.model.ReleaseManifest;
import dev.thingyan.ports.model.Version;
import java.util.Map;
import java.util.Optional;

/** Reads {@code release.json}; absent fields take the safe defaults of {@link ReleaseManifest#DEFAULT}. */
public final class ReleaseManifests {

  /** The keys release.json may hold; another is a typo whose meaning would silently be lost. */
  public static final java.util.Set<String> KEYS = java.util.Set.of("schema_version",
      "requires_migration", "migrations_reversible", "maintenance_required", "upgrade_from",
      "min_agent_version");

  private ReleaseManifests() {}

  /** @throws IllegalArgumentException naming the field that is wrong */
  public static ReleaseManifest parse(String json) {
    Map<String, Object> m = FlatJson.parse(json);
    m.keySet().stream().filter(k -> !KEYS.contains(k)).findFirst().ifPresent(k -> {
      throw new IllegalArgumentException("release.json: '" + k + "' is not a known key (known: "
          + new java.util.TreeSet<>(KEYS) + "); fix the release's release.json");
    });
    ReleaseManifest d = ReleaseManifest.DEFAULT;
    Optional<String> upgradeFrom = text(m, "upgrade_from");
    upgradeFrom.ifPresent(SemverRange::parse);
    return new ReleaseManifest(
        text(m, "schema_version"),
        bool(m, "requires_migration", d.requiresMigration()),
        bool(m, "migrations_reversible", d.migrationsReversible()),
        bool(m, "maintenance_required", d.maintenanceRequired()),
        upgradeFrom,
        text(m, "min_agent_version").map(Version::parse));
  }

  private static Optional<String> text(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) return Optional.empty();
    if (v instanceof Boolean) throw new IllegalArgumentException("release.json: '" + key + "' must be a string");
    String s = v.toString().trim();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static boolean bool(Map<String, Object> m, String key, boolean fallback) {
    Object v = m.get(key);
    if (v == null) return fallback;
    if (!(v instanceof Boolean)) {
      throw new IllegalArgumentException("release.json: '" + key + "' must be true or false");
    }
    return (Boolean) v;
  }
}

package dev.thingyan.bootstrap.config;

import dev.thingyan.ports.model.ExtractionLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Binds {@code app}, {@code journal}, {@code releases}, {@code extraction}, {@code lock} and {@code ui}. */
final class CoreBinder {
  static final List<String> LARAVEL_SHARED = List.of(".env", "storage");
  static final List<String> LARAVEL_WRITABLE = List.of("storage", "bootstrap/cache");
  static final List<String> DEFAULT_ASSETS = List.of("*.tar.gz", "*.zip");
  static final Duration DEFAULT_LEASE = Duration.ofHours(6);

  /** The values of the small sections, defaults applied. */
  record Misc(int releasesKeep, ExtractionLimits extraction, Duration lockLease, Language language) {}

  private CoreBinder() {}

  static Optional<AppConfig> app(ConfigNode app) {
    app.allowOnly(Set.of("root", "profile", "shared_paths", "package_asset", "service",
        "php_fpm_reload", "user", "group", "writable_paths"));
    Optional<Path> root = app.get("root").required("the folder holding releases/, shared/ and"
        + " current, e.g. /srv/pms").flatMap(t -> app.get("root").pathValue());
    Profile profile = app.get("profile").text().map(t -> Profile.fromKey(t).orElseGet(() -> {
      app.get("profile").problem("'" + t + "' is not a profile; expected laravel, jvm-service or generic");
      return Profile.GENERIC;
    })).orElse(Profile.GENERIC);
    ConfigNode shared = app.get("shared_paths");
    List<String> sharedPaths = shared.present() ? texts(shared)
        : profile == Profile.LARAVEL ? LARAVEL_SHARED : List.of();
    ConfigNode assets = app.get("package_asset");
    List<String> packageAssets = assets.present() ? texts(assets) : DEFAULT_ASSETS;
    Optional<String> service = app.get("service").text();
    Optional<String> fpm = app.get("php_fpm_reload").text();
    Optional<String> user = app.get("user").text();
    Optional<String> group = app.get("group").text();
    ConfigNode writable = app.get("writable_paths");
    List<String> writablePaths = writable.present() ? texts(writable)
        : profile == Profile.LARAVEL ? LARAVEL_WRITABLE
        : sharedPaths.stream().filter(p -> !Path.of(p).getFileName().toString().contains(".")).toList();
    if (root.isEmpty()) {
      return Optional.empty();
    }
    return app.problems().build(() -> new AppConfig(root.get(), profile, sharedPaths,
        packageAssets, service, fpm, user, group, writablePaths));
  }

  static Optional<JournalConfig> journal(ConfigNode journal, Path appRoot) {
    journal.allowOnly(Set.of("url", "user", "password_file"));
    String url = journal.get("url").text().orElse(
        "jdbc:h2:file:" + appRoot.resolve(".thingyan/journal") + ";AUTO_SERVER=TRUE");
    Optional<String> user = journal.get("user").text();
    Optional<Secret> password = SecretFiles.read(journal.get("password_file"));
    return journal.problems().build(() -> new JournalConfig(url, user, password));
  }

  static Misc misc(ConfigNode root) {
    ConfigNode releases = root.get("releases").allowOnly(Set.of("keep"));
    ConfigNode extraction = root.get("extraction")
        .allowOnly(Set.of("max_total_bytes", "max_entries", "max_entry_bytes"));
    ConfigNode lock = root.get("lock").allowOnly(Set.of("lease"));
    ConfigNode ui = root.get("ui").allowOnly(Set.of("language"));
    ExtractionLimits d = ExtractionLimits.DEFAULT;
    long total = size(extraction.get("max_total_bytes"), d.maxTotalBytes());
    long entry = size(extraction.get("max_entry_bytes"), d.maxEntryBytes());
    int entries = extraction.get("max_entries").integer(d.maxEntries(), 1);
    ExtractionLimits limits = total > 0 && entry > 0 && entries > 0
        ? new ExtractionLimits(total, entries, entry) : d;
    return new Misc(releases.get("keep").integer(5, 2),
        limits,
        duration(lock.get("lease"), DEFAULT_LEASE),
        ui.get("language").parse(t -> Language.fromKey(t).orElseThrow(
            () -> new IllegalArgumentException(t)), "expected my or en").orElse(Language.MY));
  }

  static List<String> texts(ConfigNode list) {
    return list.list().stream().flatMap(n -> n.text().stream()).toList();
  }

  static Duration duration(ConfigNode node, Duration fallback) {
    Optional<Duration> d = node.parse(Units::duration, "expected a duration such as 90s, 10m, 1h"
        + " or PT10M");
    if (d.isPresent() && (d.get().isZero() || d.get().isNegative())) {
      node.problem("must be positive");
    }
    return d.orElse(fallback);
  }

  static long size(ConfigNode node, long fallback) {
    long bytes = node.parse(Units::bytes, "expected a size such as 500MB, 2GB or 1GiB")
        .orElse(fallback);
    if (bytes <= 0) {
      node.problem("must be more than 0 bytes");
    }
    return bytes;
  }
}

package dev.thingyan.bootstrap.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Binds {@code health} (checks after a swap) and {@code prechecks} (reasons not to update now). */
final class HealthBinder {
  static final long DEFAULT_MIN_FREE_DISK = 2_000_000_000L;

  private HealthBinder() {}

  static Optional<HealthConfig> health(ConfigNode health) {
    return health(health, Optional.empty());
  }

  /** @param profile {@code app.profile}, whose default preview applies when none is configured */
  static Optional<HealthConfig> health(ConfigNode health, Optional<Profile> profile) {
    health.allowOnly(Set.of("checks", "retries", "interval", "timeout", "fail_fast", "preview"));
    ConfigNode checksNode = health.get("checks");
    if (!checksNode.present()) {
      checksNode.problem("missing; add at least the app's /health endpoint, e.g."
          + " {type: http, url: http://127.0.0.1/health, expect_version: true}");
    }
    List<HealthCheck> checks = checksNode.list().stream()
        .flatMap(c -> check(c).stream()).toList();
    int retries = health.get("retries").integer(10, 1);
    Duration interval = CoreBinder.duration(health.get("interval"), Duration.ofSeconds(3));
    Duration timeout = CoreBinder.duration(health.get("timeout"), Duration.ofSeconds(5));
    boolean failFast = health.get("fail_fast").bool(true);
    Optional<PreviewConfig> preview = PreviewBinder.preview(health.get("preview"), profile,
        checks.stream().anyMatch(c -> c instanceof HealthCheck.Http));
    if (!checksNode.present() || preview.isEmpty()) {
      return Optional.empty();
    }
    return health.problems().build(() -> new HealthConfig(checks, retries, interval, timeout, failFast, preview.get()));
  }

  private static Optional<HealthCheck> check(ConfigNode c) {
    Optional<String> type = c.get("type").required("expected http, database or command");
    return type.flatMap(t -> switch (t) {
      case "http" -> http(c.allowOnly(Set.of("type", "url", "expect_status", "expect_version",
          "headers")));
      case "database" -> Optional.of(c.allowOnly(Set.of("type")))
          .map(n -> (HealthCheck) new HealthCheck.Database());
      case "command" -> c.allowOnly(Set.of("type", "run")).get("run")
          .required("the command to run, e.g. php artisan schedule:list")
          .flatMap(run -> c.problems().build(() -> new HealthCheck.Command(run)));
      default -> {
        c.get("type").problem("'" + t + "' is not a check; expected http, database or command");
        yield Optional.empty();
      }
    });
  }

  private static Optional<HealthCheck> http(ConfigNode c) {
    Optional<URI> url = c.get("url").required("e.g. http://127.0.0.1/health")
        .flatMap(t -> c.get("url").parse(URI::create, "expected a URL, e.g. http://127.0.0.1/health"));
    ConfigNode statusNode = c.get("expect_status");
    List<Integer> status = statusNode.present()
        ? statusNode.list().stream().map(s -> s.integer(0, 100)).toList() : List.of(200);
    boolean version = c.get("expect_version").bool(false);
    var headers = c.get("headers").stringMap();
    return url.flatMap(u -> c.problems().build(() -> new HealthCheck.Http(u, status, version, headers)));
  }

  static Optional<PrecheckConfig> prechecks(ConfigNode prechecks) {
    prechecks.allowOnly(Set.of("min_free_disk", "app"));
    long minFree = prechecks.get("min_free_disk")
        .parse(Units::bytes, "expected a size such as 500MB, 2GB or 1GiB").orElse(DEFAULT_MIN_FREE_DISK);
    List<AppPrecheck> app = prechecks.get("app").list().stream()
        .flatMap(p -> appCheck(p).stream()).toList();
    return prechecks.problems().build(() -> new PrecheckConfig(minFree, app));
  }

  private static Optional<AppPrecheck> appCheck(ConfigNode p) {
    p.allowOnly(Set.of("name", "sql", "http", "blocking", "reason"));
    Optional<String> name = p.get("name").required("a short name, e.g. open_folios");
    boolean blocking = p.get("blocking").bool(true);
    Optional<String> sql = p.get("sql").text();
    Optional<URI> http = p.get("http").parse(URI::create, "expected a URL");
    Optional<PrecheckReason> reason = reason(p.get("reason"));
    if (p.get("sql").present() == p.get("http").present()) {
      p.problem("give exactly one of sql (a query that must return no rows) or http (an app URL)");
      return Optional.empty();
    }
    if (sql.isEmpty() && http.isEmpty()) {
      return Optional.empty();
    }
    return name.flatMap(n -> p.problems().build(() -> sql.isPresent()
        ? new AppPrecheck.Sql(n, sql.get(), blocking, reason)
        : new AppPrecheck.Http(n, http.orElseThrow(), blocking, reason)));
  }

  /** {@code reason: {my: ..., en: ...}}: both languages, or none at all. */
  private static Optional<PrecheckReason> reason(ConfigNode reason) {
    if (!reason.present()) {
      return Optional.empty();
    }
    if (!reason.isMapping()) {
      reason.problem("expected {my: \"...\", en: \"...\"}: the reason in Burmese and in English");
      return Optional.empty();
    }
    reason.allowOnly(Set.of("my", "en"));
    Optional<String> my = reason.get("my").required("the reason in Burmese");
    Optional<String> en = reason.get("en").required("the reason in English");
    if (my.isEmpty() || en.isEmpty()) {
      return Optional.empty();
    }
    return reason.problems().build(() -> new PrecheckReason(my.get(), en.get()));
  }
}

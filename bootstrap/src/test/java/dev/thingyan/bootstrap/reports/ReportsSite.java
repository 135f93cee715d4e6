package dev.thingyan.bootstrap.reports;

import dev.thingyan.adapter.github.fake.FakeGitHubIssues;
import dev.thingyan.bootstrap.Standalone;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.ConfigLoader;
import dev.thingyan.bootstrap.config.ThingyanConfig;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.report.DeliveryPass;
import dev.thingyan.ports.model.report.ReportReceipt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deployment as the standalone jar wires it (embedded H2 journal in its app root, config file),
 * with {@code reports.github} pointing at a loopback {@link FakeGitHubIssues}. The system can be
 * closed and opened again (a restart) over the same journal.
 */
final class ReportsSite implements AutoCloseable {
  static final Actor APP = new Actor("app:backend");
  static final String TOKEN = "ghp_e2eTokenThatMustNeverLeak0123456789";

  final Path dir;
  final Path configFile;
  ThingyanSystem system;

  /** @param reportsYaml extra keys under {@code reports:}, indented by two spaces */
  ReportsSite(Path dir, FakeGitHubIssues github, String token, String reportsYaml) {
    this.dir = dir;
    try {
      Files.createDirectories(dir.resolve("app"));
      Files.createDirectories(dir.resolve("releases"));
      Path tokenFile = Files.writeString(dir.resolve("issues.token"), token + "\n");
      configFile = Files.writeString(dir.resolve("thingyan.yaml"), """
          app:
            root: %s
          source:
            type: folder
            folder:
              path: %s
          verify:
            allow_unsigned: true
          health:
            checks: [{type: database}]
          database:
            engine: sqlite
            path: %s
          reports:
            github:
              repo: %s
              token_file: %s
              api_url: %s
          %s""".formatted(dir.resolve("app"), dir.resolve("releases"), dir.resolve("db.sqlite"),
          github.repository(), tokenFile, github.baseUrl(), reportsYaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    open();
  }

  ThingyanConfig config() {
    return ConfigLoader.load(configFile);
  }

  void open() {
    system = Standalone.open(config());
  }

  /** Closes and opens the system again: what a restart of the host does. */
  void restart() {
    system.close();
    open();
  }

  ReportReceipt submit(Map<String, Object> report) {
    return system.submitErrorReport().submit(APP, report);
  }

  DeliveryPass deliver(Duration budget) {
    return system.deliverErrorReports().deliver(Instant.now().plus(budget));
  }

  /** A backend report of one error type; the message says which occurrence it is. */
  static Map<String, Object> report(String type, String version, int occurrence) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "Check-in failed: " + type);
    m.put("severity", "error");
    m.put("source", "backend");
    m.put("environment", "production");
    m.put("app_version", version);
    m.put("trace_id", "trace-" + occurrence);
    m.put("message", "Could not save check-in " + occurrence + " for booking " + (8000 + occurrence));
    m.put("exception_type", "App\\Exceptions\\" + type);
    m.put("stack_trace", "#0 /srv/pms/app/Http/Controllers/CheckInController.php(88): "
        + "App\\Services\\CheckIn->store()\n#1 /srv/pms/vendor/laravel/framework/src/Routing/"
        + "Controller.php(54): App\\Http\\Controllers\\CheckInController->store()\n#2 {main}");
    return m;
  }

  @Override
  public void close() {
    if (system != null) {
      system.close();
    }
  }
}

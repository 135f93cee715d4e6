package dev.thingyan.bootstrap;

import dev.thingyan.bootstrap.config.ConfigLoader;
import dev.thingyan.bootstrap.config.ThingyanConfig;
import dev.thingyan.bootstrap.demo.DemoReleaseBuilder;
import dev.thingyan.bootstrap.demo.DemoReleaseServer;
import dev.thingyan.adapter.storage.verify.MinisignSigner;
import dev.thingyan.bootstrap.demo.SampleApp;
import dev.thingyan.bootstrap.demo.SampleAppRuntime;
import dev.thingyan.bootstrap.demo.SampleEdition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A complete sandbox for the demo and the end-to-end tests: an app root with the sample app's
 * shared files and SQLite database, a signing key, a loopback GitHub-compatible release server,
 * and a configuration file that points thingyan at all of it. Nothing outside one temporary folder.
 */
public final class DemoEnvironment implements AutoCloseable {

  private final Path dir;
  private final Path root;
  private final int port;
  private final Path database;
  private final MinisignSigner signer = MinisignSigner.generate();
  private final DemoReleaseBuilder builder = new DemoReleaseBuilder(signer);
  private final DemoReleaseServer server = new DemoReleaseServer("demo", "pms");
  private final Path config;

  public DemoEnvironment(Path dir) {
    try {
      this.dir = dir;
      this.root = dir.resolve("app");
      this.port = freePort();
      Files.createDirectories(root);
      this.database = SampleApp.writeSharedEnv(root, SampleAppRuntime.detect(), port);
      createEmptyDatabase(database);
      this.config = dir.resolve("thingyan.yaml");
      Files.writeString(config, yaml(""));
    } catch (IOException e) {
      server.close();
      throw new UncheckedIOException(e);
    }
  }

  /** Builds, signs and publishes a release of the sample app. */
  public void publish(SampleEdition edition) {
    server.publish(builder.build(edition, dir.resolve("dist")));
  }

  /** Rewrites the configuration with extra YAML appended (tests add keys). */
  public void configure(String extraYaml) {
    try {
      Files.writeString(config, yaml(extraYaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ThingyanConfig loadConfig() {
    return ConfigLoader.load(config);
  }

  public Path configFile() {
    return config;
  }

  public Path appRoot() {
    return root;
  }

  public Path database() {
    return database;
  }

  public MinisignSigner signer() {
    return signer;
  }

  public DemoReleaseServer server() {
    return server;
  }

  public URI appUrl(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** @return the app's answer to GET path as "STATUS BODY", or "down: reason" */
  public String get(String path) {
    try {
      HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
          .send(HttpRequest.newBuilder(appUrl(path)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() + " " + r.body();
    } catch (IOException e) {
      return "down: " + e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "down: interrupted";
    }
  }

  /** @return the answer to POST path (the sample app adds a booking) */
  public String post(String path, String body) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(appUrl(path))
              .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "down: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "down: interrupted";
    }
  }

  private String yaml(String extra) {
    return String.join("\n",
        "app:",
        "  root: " + root,
        "  profile: generic",
        "  package_asset: [\"app-*.tar.gz\"]",
        "journal:",
        "  url: \"jdbc:h2:file:" + dir.resolve("journal").resolve("thingyan") + ";AUTO_SERVER=TRUE\"",
        "source:",
        "  type: github",
        "  github:",
        "    api_url: " + server.apiBase(),
        "    repo: " + server.repository(),
        "verify:",
        "  public_keys: [\"" + signer.publicKeyLine() + "\"]",
        "hooks:",
        "  migrate:",
        "    - {run: bin/app.sh migrate, only_if: bin/app.sh pending, timeout: 3m}",
        "  post_swap:",
        "    - {run: bin/restart.sh, timeout: 2m}",
        "health:",
        "  checks:",
        "    - {type: http, url: \"" + appUrl("/health") + "\", expect_version: true}",
        "    - {type: database}",
        "  retries: 4",
        "  interval: 1s",
        "  timeout: 5s",
        "prechecks:",
        "  min_free_disk: 50MB",
        "database:",
        "  engine: sqlite",
        "  path: " + database,
        "backup:",
        "  local:",
        "    path: " + dir.resolve("backups"),
        "  keep: 3",
        extra,
        "");
  }

  /** Stops the sample app, if it runs, and the release server. */
  @Override
  public void close() {
    Path stop = root.resolve("current/bin/stop.sh");
    if (Files.exists(stop)) {
      try {
        Process p = new ProcessBuilder("sh", stop.toString()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(20, TimeUnit.SECONDS);
      } catch (IOException e) {
        // nothing more to stop
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    server.close();
  }

  private static void createEmptyDatabase(Path db) throws IOException {
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      c.createStatement().execute("PRAGMA user_version = 0");
    } catch (SQLException e) {
      throw new IOException("cannot create the sample database " + db + ": " + e.getMessage(), e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}

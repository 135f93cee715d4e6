package com.example.pms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.thingyan.bootstrap.config.DatabaseConfig;
import dev.thingyan.bootstrap.config.Profile;
import dev.thingyan.bootstrap.config.ThingyanConfig;
import dev.thingyan.ports.error.ConfigurationException;
import dev.thingyan.ports.error.SystemClosedException;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The guide's host, built against the installed artifacts only, on the real PostgreSQL: an update,
 * then a release whose health check fails and is rolled back; the host keeps its logging; a
 * configuration needing a driver the host did not add is refused naming it.
 */
class PmsUpdaterTest {

  private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private final String database = "embed_host_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  @TempDir Path dir;
  private HikariDataSource pms;

  @BeforeEach
  void pmsDatabase() throws Exception {
    try (Connection c = DriverManager.getConnection(ADMIN, "postgres", "")) {
      c.createStatement().execute("CREATE DATABASE " + database);
    }
    HikariConfig h = new HikariConfig();
    h.setJdbcUrl(url());
    h.setUsername("postgres");
    h.setMaximumPoolSize(4);
    pms = new HikariDataSource(h);
  }

  @AfterEach
  void dropIt() throws Exception {
    pms.close();
    try (Connection c = DriverManager.getConnection(ADMIN, "postgres", "")) {
      c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  @Test
  void anUpdateThenAFailingUpdateRolledBack() throws Exception {
    Path releases = Files.createDirectories(dir.resolve("releases-in"));
    publish(releases, "1.0.0", true);
    try (PmsUpdater updater = new PmsUpdater(config(releases, DatabaseConfig.Engine.POSTGRESQL), pms)) {
      Run first = updater.updateNow("admin");
      assertThat(first.state()).as("%s", updater.eventsAfter(first.id(), 0)).isEqualTo(RunState.COMPLETED);
      assertThat(Files.readString(dir.resolve("app/current/VERSION"))).isEqualTo("1.0.0");

      publish(releases, "1.1.0", false);
      RunId id = updater.startUpdate("admin");
      List<RunEvent> events = new ArrayList<>();
      Run second = follow(updater, id, events);
      assertThat(second.state()).isEqualTo(RunState.FAILED);
      assertThat(events).extracting(RunEvent::message).anyMatch(m -> m.contains("rollback") || m.contains("rolled back"));
      assertThat(Files.readString(dir.resolve("app/current/VERSION"))).as("the known good release is back").isEqualTo("1.0.0");

      try (Connection c = pms.getConnection();
          ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM thingyan_run")) {
        r.next();
        assertThat(r.getInt(1)).as("the journal is in the PMS database").isEqualTo(2);
      }
    }
    assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
        .as("the host's logging binding, not one thingyan brought").startsWith("ch.qos.logback");
    assertThat(Files.readString(Path.of("target/pms.log"))).as("thingyan's own log lines")
        .contains("metrics.system.update.completed");
    assertThat(pms.isClosed()).as("the host keeps owning its pool").isFalse();
  }

  @Test
  void theLibraryBringsNoCliNoDemoNoLoggingBindingAndNoDriver() {
    for (String absent : List.of("org.slf4j.simple.SimpleLogger", "picocli.CommandLine",
        "dev.thingyan.bootstrap.cli.Main", "dev.thingyan.bootstrap.demo.SampleApp",
        "org.h2.Driver", "org.mariadb.jdbc.Driver", "org.sqlite.JDBC",
        "software.amazon.awssdk.services.s3.S3Client")) {
      assertThatThrownBy(() -> Class.forName(absent)).as(absent).isInstanceOf(ClassNotFoundException.class);
    }
  }

  @Test
  void aConfigurationNeedingAMissingDriverIsRefusedNamingTheArtifact() throws Exception {
    Path releases = Files.createDirectories(dir.resolve("releases-in"));
    ThingyanConfig mariadb = config(releases, DatabaseConfig.Engine.MARIADB);
    assertThatThrownBy(() -> new PmsUpdater(mariadb, pms))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("org.mariadb.jdbc:mariadb-java-client:");
  }

  @Test
  void aClosedUpdaterRefusesEverything() throws Exception {
    Path releases = Files.createDirectories(dir.resolve("releases-in"));
    PmsUpdater updater = new PmsUpdater(config(releases, DatabaseConfig.Engine.POSTGRESQL), pms);
    updater.close();
    assertThatThrownBy(() -> updater.updateNow("admin")).isInstanceOf(SystemClosedException.class);
  }

  private ThingyanConfig config(Path releases, DatabaseConfig.Engine engine) {
    Path current = dir.resolve("app/current");
    return ThingyanConfig.builder()
        .appRoot(dir.resolve("app"))
        .profile(Profile.GENERIC)
        .folderSource(releases)
        .set("verify.allow_unsigned", true) // this test's releases are not signed
        .set("app.package_asset", List.of("app-*.tar.gz"))
        .database(engine, engine == DatabaseConfig.Engine.POSTGRESQL ? url()
            : "jdbc:mariadb://127.0.0.1:3306/pms")
        .set("database.user", "postgres")
        // also run before an update (as the queue check): nothing installed yet passes
        .set("health.checks", List.of(Map.of("type", "command",
            "run", "test ! -e " + current + " || test -f " + current + "/healthy")))
        .set("health.retries", 2)
        .set("health.interval", "1s")
        .set("backup.local.path", dir.resolve("backups"))
        .build();
  }

  private String url() {
    return "jdbc:postgresql://127.0.0.1:5432/" + database;
  }

  /** A release folder as an app's CI would upload it: the package and its SHA256SUMS. */
  private void publish(Path releases, String version, boolean healthy) throws Exception {
    Path tree = Files.createDirectories(dir.resolve("build/app-" + version));
    Files.writeString(tree.resolve("VERSION"), version);
    if (healthy) {
      Files.writeString(tree.resolve("healthy"), "yes");
    }
    Path folder = Files.createDirectories(releases.resolve("v" + version));
    String pkg = "app-" + version + ".tar.gz";
    Process tar = new ProcessBuilder("tar", "-czf", folder.resolve(pkg).toString(), "-C",
        dir.resolve("build").toString(), "app-" + version).inheritIO().start();
    assertThat(tar.waitFor()).isZero();
    String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(folder.resolve(pkg))));
    Files.writeString(folder.resolve("SHA256SUMS"), sum + "  " + pkg + "\n", StandardCharsets.UTF_8);
  }

  private static Run follow(PmsUpdater updater, RunId id, List<RunEvent> events) throws Exception {
    long seq = 0;
    for (int i = 0; i < 1200; i++) {
      List<RunEvent> batch = updater.eventsAfter(id, seq);
      events.addAll(batch);
      seq = batch.isEmpty() ? seq : batch.get(batch.size() - 1).seq();
      Run run = updater.run(id).orElseThrow();
      if (run.state().isEnding() && batch.isEmpty()) {
        return run;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run did not end within two minutes");
  }
}

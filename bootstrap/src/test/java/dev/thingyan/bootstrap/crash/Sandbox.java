package dev.thingyan.bootstrap.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thingyan.bootstrap.DemoEnvironment;
import dev.thingyan.bootstrap.demo.SampleEdition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@link DemoEnvironment} driven only through child thingyan processes: V1 installed and
 * serving, V2 published. Between trials it is brought back to that state with the admin's own
 * tool ({@code thingyan rollback --restore-db}).
 */
final class Sandbox implements AutoCloseable {

  static final String V1 = SampleEdition.V1.version();
  static final String V2 = SampleEdition.V2.version();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern APP_VERSION = Pattern.compile("\"app_version\"\\s*:\\s*\"([^\"]+)\"");

  final DemoEnvironment env;
  final Path dir;
  final Path logs;
  private Path v1Dir;
  private int commands;

  Sandbox(Path dir, Path logs) {
    this.dir = dir;
    this.logs = logs;
    this.env = new DemoEnvironment(dir);
  }

  /** Installs V1 (a first install: nothing serves before it), then publishes V2. */
  Sandbox installV1ThenPublishV2() {
    env.publish(SampleEdition.V1);
    ThingyanProcess.Result r = cli("install-v1", Map.of(), "apply");
    assertThat(r.exit()).as("installing V1: %s", r).isZero();
    assertThat(servingVersion()).as("/health after installing V1").isEqualTo(V1);
    v1Dir = currentTarget();
    env.publish(SampleEdition.V2);
    return this;
  }

  Path v1Dir() {
    return v1Dir;
  }

  /** Runs a thingyan command in a child JVM; its output is kept under {@code logs/}. */
  ThingyanProcess.Result cli(String label, Map<String, String> environment, String... args) {
    return ThingyanProcess.run(logs, String.format("%03d-%s", ++commands, label), env.configFile(), environment, args);
  }

  ThingyanProcess startCli(String label, Path config, Map<String, String> environment, String... args) {
    return ThingyanProcess.start(logs, String.format("%03d-%s", ++commands, label), config, environment, args);
  }

  /** {@code thingyan status --json}, which runs start-up recovery first. */
  Status status(String label) {
    ThingyanProcess.Result r = cli(label, Map.of(), "status", "--json");
    assertThat(r.exit()).as("status: %s", r).isZero();
    try {
      return new Status(JSON.readTree(r.out()), r);
    } catch (IOException e) {
      throw new AssertionError("status --json printed no JSON: " + r, e);
    }
  }

  /** The status JSON and the process that printed it. */
  record Status(JsonNode json, ThingyanProcess.Result process) {
    JsonNode last() {
      return json.path("last");
    }

    String lastState() {
      return last().path("state").asText();
    }

    boolean awaitingDbDecision() {
      return "db_restore_confirmation".equals(last().path("awaiting").asText());
    }

    boolean hasActive() {
      return !json.path("active").isNull() && !json.path("active").isMissingNode();
    }

    boolean blocked() {
      return !json.path("blocking").isNull() && !json.path("blocking").isMissingNode();
    }

    boolean maintenance() {
      return json.path("maintenance").asBoolean();
    }
  }

  /** @return the app_version /health reports with status 200, or what it answered instead */
  String servingVersion() {
    String health = env.get("/health");
    Matcher m = APP_VERSION.matcher(health);
    return health.startsWith("200 ") && m.find() ? m.group(1) : "not serving (" + health.trim() + ")";
  }

  /** @return whether the maintenance flag file {@code .thingyan/maintenance} exists */
  boolean maintenanceFlag() {
    return Files.exists(env.appRoot().resolve(".thingyan/maintenance"));
  }

  /** @return the release folder {@code current} points at */
  Path currentTarget() {
    Path link = env.appRoot().resolve("current");
    try {
      return env.appRoot().resolve(Files.readSymbolicLink(link)).normalize();
    } catch (IOException e) {
      throw new UncheckedIOException("current is not a link", e);
    }
  }

  /** What the app database's schema looks like. */
  record Schema(boolean channelColumn, boolean ratesTable, int migrations) {
    /** @return whether this is exactly the schema of {@code version}'s migrations */
    boolean isOf(String version) {
      return version.equals(V1)
          ? !channelColumn && !ratesTable && migrations == SampleEdition.V1.migrations().size()
          : channelColumn && ratesTable && migrations == SampleEdition.V2.migrations().size();
    }

    @Override
    public String toString() {
      return "channel column " + channelColumn + ", rates table " + ratesTable + ", " + migrations + " migrations recorded";
    }
  }

  Schema schema() {
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + env.database()); var s = c.createStatement()) {
      boolean channel = false;
      try (ResultSet r = s.executeQuery("PRAGMA table_info(bookings)")) {
        while (r.next()) {
          channel |= "channel".equals(r.getString("name"));
        }
      }
      boolean rates;
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='rates'")) {
        rates = r.next() && r.getInt(1) == 1;
      }
      int migrations;
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM migrations")) {
        migrations = r.next() ? r.getInt(1) : 0;
      }
      return new Schema(channel, rates, migrations);
    } catch (SQLException e) {
      throw new AssertionError("cannot read the app database " + env.database(), e);
    }
  }

  /** Asserts the old version serves from the V1 folder on the V1 schema, with no gate left on. */
  void assertV1Serving(String when) {
    assertThat(servingVersion()).as("/health %s", when).isEqualTo(V1);
    assertThat(currentTarget()).as("current %s", when).isEqualTo(v1Dir);
    Schema schema = schema();
    assertThat(schema.isOf(V1)).as("database schema is V1's %s (%s)", when, schema).isTrue();
  }

  /** Asserts V2 serves from {@code releaseDir} on the V2 schema. */
  void assertV2Serving(String when, Path releaseDir) {
    assertThat(servingVersion()).as("/health %s", when).isEqualTo(V2);
    assertThat(currentTarget()).as("current %s", when).isEqualTo(releaseDir.normalize());
    Schema schema = schema();
    assertThat(schema.isOf(V2)).as("database schema is V2's %s (%s)", when, schema).isTrue();
  }

  @Override
  public void close() {
    env.close();
  }
}

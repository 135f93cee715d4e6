package dev.thingyan.bootstrap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the sample app for real: the JDK's source launcher, SQLite, its scripts, HTTP. */
class SampleAppTest {

  @TempDir Path root;
  private SampleAppHost host;

  @BeforeEach
  void setUp() throws Exception {
    host = new SampleAppHost(root);
  }

  @AfterEach
  void tearDown() {
    host.close();
  }

  @Test
  void migratesEachEditionAndServesItsVersion() throws Exception {
    Path v1 = host.install(SampleEdition.V1);
    assertThat(host.run(v1, "bin/app.sh", "pending").exit()).isZero();
    assertThat(host.run(v1, "bin/app.sh", "migrate").output()).contains("Migrated:  2024_01_01_000000_create_bookings_table");
    assertThat(host.run(v1, "bin/app.sh", "pending").exit()).isEqualTo(1);
    host.activate(v1);
    assertThat(host.run(v1, "bin/restart.sh").exit()).isZero();
    var health = host.get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"app_version\":\"1.0.0\"", "\"status\":\"ok\"", "\"schema\":1", "\"bookings\":3");
    assertThat(host.post("/bookings", "guest=Guest+D&room=301&nights=2").statusCode()).isEqualTo(201);
    long v1Pid = host.appPid();

    Path v2 = host.install(SampleEdition.V2);
    assertThat(host.run(v2, "bin/app.sh", "migrate").exit()).isZero();
    host.activate(v2);
    assertThat(host.run(v2, "bin/restart.sh").output()).contains("started 1.1.0");
    assertThat(running(v1Pid)).as("the 1.0.0 process was stopped").isFalse();
    assertThat(host.get("/health").body()).contains("\"app_version\":\"1.1.0\"", "\"schema\":3", "\"bookings\":4");
    assertThat(host.get("/bookings").body()).contains("\"guest\":\"Guest D\"", "\"channel\":\"agoda\"");
    assertThat(columns("bookings")).contains("channel");
    assertThat(migrations()).containsExactly(
        "2024_01_01_000000_create_bookings_table:1",
        "2024_02_01_000000_add_channel_to_bookings_table:2",
        "2024_02_01_000001_create_rates_table:2");
  }

  @Test
  void theThirdEditionMigratesButAnswersHealthWith503() throws Exception {
    Path v3 = host.install(SampleEdition.V3);
    assertThat(host.run(v3, "bin/app.sh", "migrate").exit()).isZero();
    host.activate(v3);
    assertThat(host.run(v3, "bin/restart.sh").exit()).isZero();
    var health = host.get("/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("\"app_version\":\"1.2.0\"", "\"status\":\"error\"", "deliberately broken");
    assertThat(migrations()).hasSize(4).allMatch(m -> m.endsWith(":1"));
    assertThat(host.run(v3, "bin/stop.sh").output()).contains("stopped the demo app");
    assertThat(Files.exists(root.resolve("shared/app.pid"))).isFalse();
  }

  @Test
  void aFailingMigrationIsRolledBackAndReported() throws Exception {
    Path v1 = host.install(SampleEdition.V1);
    Files.writeString(v1.resolve("database/migrations/2024_01_02_000000_broken.sql"),
        "CREATE TABLE half_done (id INTEGER);\nINSERT INTO no_such_table VALUES (1);\n");
    var result = host.run(v1, "bin/app.sh", "migrate");
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.output()).contains("Migration 2024_01_02_000000_broken failed and was rolled back");
    assertThat(migrations()).containsExactly("2024_01_01_000000_create_bookings_table:1");
    assertThat(tables()).doesNotContain("half_done");
  }

  private List<String> migrations() throws Exception {
    return query("SELECT migration || ':' || batch FROM migrations ORDER BY id");
  }

  private List<String> tables() throws Exception {
    return query("SELECT name FROM sqlite_master WHERE type = 'table'");
  }

  private List<String> columns(String table) throws Exception {
    return query("SELECT name FROM pragma_table_info('" + table + "')");
  }

  private List<String> query(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + host.database);
        ResultSet r = c.createStatement().executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  /**
   * Alive and not a zombie: the app runs detached, and where PID 1 does not reap orphans (as in
   * some containers) a stopped process stays in the table as a zombie.
   */
  private static boolean running(long pid) {
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      try {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
      } catch (java.io.IOException e) {
        return false;
      }
    }
    return false;
  }
}

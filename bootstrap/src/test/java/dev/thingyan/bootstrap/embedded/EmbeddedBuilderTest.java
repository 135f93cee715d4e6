package dev.thingyan.bootstrap.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.bootstrap.DemoEnvironment;
import dev.thingyan.bootstrap.ThingyanBuilder;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM host embeds thingyan with its OWN DataSource for the journal (here a pool on the real
 * PostgreSQL server): the run is journaled there, not in the default H2 file.
 */
class EmbeddedBuilderTest {

  private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private final String database = "thingyan_embedded_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  @TempDir Path dir;

  @BeforeEach
  void createDatabase() throws Exception {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
      c.createStatement().execute("CREATE DATABASE " + database);
    }
  }

  @AfterEach
  void dropDatabase() throws Exception {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
      c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  @Test
  void theHostsDataSourceHoldsTheJournal() throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:5432/" + database;
    try (DemoEnvironment env = new DemoEnvironment(dir);
        var hostPool = DataSources.pool(new ConnectionSettings(url, "postgres", ""), "host-app", 4)) {
      env.publish(SampleEdition.V1);
      Run run;
      try (ThingyanSystem thingyan = ThingyanBuilder.from(env.loadConfig()).journal(hostPool).build()) {
        run = thingyan.applyUpdate().apply(new UpdateRequest(new Actor("user:42"), Optional.empty(), RunOptions.DEFAULT));
      }

      assertThat(run.state()).isEqualTo(RunState.COMPLETED);
      assertThat(env.get("/health")).startsWith("200 ").contains("\"1.0.0\"");
      assertThat(hostPool.isClosed()).as("the host keeps owning its pool").isFalse();
      try (Connection c = hostPool.getConnection();
          ResultSet r = c.createStatement().executeQuery(
              "SELECT state, requested_by FROM thingyan_run WHERE id = '" + run.id() + "'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("completed");
        assertThat(r.getString(2)).isEqualTo("user:42");
      }
      assertThat(dir.resolve("journal")).as("no H2 journal file was made").doesNotExist();
    }
  }
}

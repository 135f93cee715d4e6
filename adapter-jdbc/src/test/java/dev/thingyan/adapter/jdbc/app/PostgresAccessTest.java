package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.model.AccessCheckResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The privilege precheck against the real PostgreSQL, with a user that owns nothing. */
class PostgresAccessTest {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private final String name = "ops_priv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String owner = name + "_owner";
  private final String user = name + "_u";
  private final ConnectionSettings settings = new ConnectionSettings(SERVER + name, user, "pw");

  @AfterEach
  void dropAll() {
    run("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)",
        "DROP ROLE IF EXISTS " + user, "DROP ROLE IF EXISTS " + owner);
  }

  private void database(String dbOwner) {
    run("postgres", "CREATE ROLE " + owner + " LOGIN", "CREATE ROLE " + user + " LOGIN PASSWORD 'pw'",
        "CREATE DATABASE " + name + " OWNER " + dbOwner);
    run(name, "CREATE SCHEMA pms AUTHORIZATION " + owner,
        "CREATE TABLE pms.folios (id serial PRIMARY KEY, balance int)",
        "ALTER TABLE pms.folios OWNER TO " + owner,
        "ALTER SEQUENCE pms.folios_id_seq OWNER TO " + owner);
  }

  @Test
  void theDatabaseOwnerWithItsSchemasPasses() {
    database(user);
    run(name, "ALTER SCHEMA pms OWNER TO " + user, "ALTER TABLE pms.folios OWNER TO " + user);

    AccessCheckResult r = new PostgresAccess(settings).check();

    assertThat(r.ok()).as(r.detail()).isTrue();
  }

  @Test
  void aUserThatOwnsNothingGetsTheStatementsAndTheyFixIt() {
    database(owner);

    AccessCheckResult r = new PostgresAccess(settings).check();

    assertThat(r.ok()).isFalse();
    assertThat(r.detail()).contains("cannot read 1 table(s) and 1 sequence(s) in schema pms")
        .contains("cannot drop schema pms").contains("creating a schema in " + name + " was refused");
    assertThat(r.fixes()).contains(
        "GRANT SELECT ON ALL TABLES IN SCHEMA pms TO " + user + ";",
        "GRANT SELECT ON ALL SEQUENCES IN SCHEMA pms TO " + user + ";",
        "ALTER SCHEMA pms OWNER TO " + user + ";",
        "ALTER DATABASE " + name + " OWNER TO " + user + ";");
    run(name, r.fixes().toArray(String[]::new));
    AccessCheckResult after = new PostgresAccess(settings).check();
    assertThat(after.ok()).as(after.detail()).isTrue();
  }

  private static void run(String database, String... sql) {
    try (Connection c = DriverManager.getConnection(SERVER + database, "postgres", "");
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

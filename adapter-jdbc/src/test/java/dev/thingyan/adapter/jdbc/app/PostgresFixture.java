package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh database on the PostgreSQL at 127.0.0.1:5432, owned by a fresh role that is not a
 * superuser (as an app's user is), with a small PMS schema in it. Dropped on close.
 */
final class PostgresFixture implements AutoCloseable {

  static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";

  final String name =
      "thingyan_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  final String password = "Pg-" + UUID.randomUUID();
  final ConnectionSettings settings =
      new ConnectionSettings("jdbc:postgresql://127.0.0.1:5432/" + name, name, password);

  PostgresFixture() {
    admin(
        "CREATE ROLE " + name + " LOGIN CREATEDB PASSWORD '" + password + "'",
        "CREATE DATABASE " + name + " OWNER " + name + " ENCODING 'UTF8'");
  }

  void createPms() {
    exec(
        "CREATE TABLE migrations (id serial PRIMARY KEY, migration varchar(255) NOT NULL, batch int"
            + " NOT NULL)",
        "INSERT INTO migrations (migration, batch) VALUES ('2025_03_01_000000_create_folios', 1)",
        "CREATE TABLE folios (id bigserial PRIMARY KEY, room varchar(10) NOT NULL, guest text,"
            + " closed_at timestamp, scan bytea, updated int NOT NULL DEFAULT 0)",
        "CREATE INDEX folios_room ON folios (room)",
        "INSERT INTO folios (room, guest, closed_at, scan) VALUES ('101', 'ဦးအောင်မြင့် (မန္တလေး)',"
            + " '2025-04-01 10:00', '\\x00ff10'::bytea), ('102', 'Daw Khin Khin', NULL, NULL),"
            + " ('103', 'a\ttab, a \"quote\" and a \\ backslash', NULL, '\\x'::bytea)",
        "CREATE VIEW open_folios AS SELECT id, room FROM folios WHERE closed_at IS NULL",
        "CREATE FUNCTION bump() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$BEGIN NEW.updated := OLD.updated + 1; RETURN NEW; END$$",
        "CREATE TRIGGER folios_bump BEFORE UPDATE ON folios FOR EACH ROW EXECUTE FUNCTION bump()",
        "CREATE SCHEMA reports",
        "CREATE TABLE reports.daily (day date PRIMARY KEY, total numeric(12,2))",
        "INSERT INTO reports.daily VALUES ('2025-04-01', 1234.50)");
  }

  /**
   * Schema and data as comparable text: every column, index, trigger, view, row, sequence and large
   * object.
   */
  List<String> snapshot() {
    try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), name, password)) {
      return snapshot(c);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> snapshot(Connection c) {
    List<String> out = new ArrayList<>();
    out.addAll(
        rows(
            c,
            "SELECT table_schema || '.' || table_name || '.' || column_name || ' ' || data_type"
                + " FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog',"
                + " 'information_schema') ORDER BY 1"));
    out.addAll(
        rows(
            c,
            "SELECT schemaname || '.' || indexname || ' ' || indexdef FROM pg_indexes"
                + " WHERE schemaname NOT IN ('pg_catalog') ORDER BY 1"));
    out.addAll(
        rows(
            c,
            "SELECT trigger_name || ' ' || action_statement FROM information_schema.triggers ORDER"
                + " BY 1"));
    out.addAll(
        rows(c, "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' ORDER BY 1"));
    for (String table :
        rows(
            c,
            "SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables"
                + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
      out.add(table + ": " + rows(c, "SELECT t::text FROM " + table + " t ORDER BY t::text"));
    }
    out.addAll(rows(c, "SELECT 'seq ' || last_value FROM folios_id_seq"));
    out.addAll(
        rows(
            c,
            "SELECT 'large object ' || oid || ' ' || encode(lo_get(oid), 'escape') FROM"
                + " pg_largeobject_metadata ORDER BY oid"));
    return out;
  }

  void exec(String... sql) {
    run(settings.jdbcUrl(), name, password, sql);
  }

  List<String> rows(String sql) {
    try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), name, password)) {
      return rows(c, sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static List<String> rows(Connection c, String sql) {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return out;
  }

  static List<String> databases(String like) {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(ADMIN, "postgres", "");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT datname FROM pg_database WHERE datname LIKE '" + like + "'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static void admin(String... sql) {
    run(ADMIN, "postgres", "", sql);
  }

  private static void run(String url, String user, String password, String... sql) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      for (String each : sql) {
        s.execute(each);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(String.join("; ", sql), e);
    }
  }

  @Override
  public void close() {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "DROP ROLE IF EXISTS " + name);
  }
}

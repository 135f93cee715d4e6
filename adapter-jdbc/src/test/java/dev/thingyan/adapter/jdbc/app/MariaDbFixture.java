package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A fresh utf8mb4 database on the MariaDB at 127.0.0.1:3306 and two users without SUPER, each with
 * ALL on it and on {@code thingyan\_%} scratch databases, and passwords that need quoting.
 */
final class MariaDbFixture implements AutoCloseable {

  static final String ADMIN = "jdbc:mariadb://127.0.0.1:3306/";

  final String name =
      "thingyan_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  final String password = "Ma \"#'\\:" + UUID.randomUUID();
  final ConnectionSettings settings = new ConnectionSettings(ADMIN + name, name, password);
  final ConnectionSettings other =
      new ConnectionSettings(ADMIN + name, name + "_b", password + "b");

  MariaDbFixture() {
    admin("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    for (ConnectionSettings user : List.of(settings, other)) {
      admin(
          "CREATE USER '"
              + user.user()
              + "'@'%' IDENTIFIED BY '"
              + user.password().replace("\\", "\\\\").replace("'", "\\'")
              + "'",
          "GRANT ALL ON " + name + ".* TO '" + user.user() + "'@'%'",
          "GRANT ALL ON `thingyan\\_%`.* TO '" + user.user() + "'@'%'");
    }
  }

  void createPms() {
    exec(
        "CREATE TABLE migrations (id int unsigned AUTO_INCREMENT PRIMARY KEY, migration"
            + " varchar(255) NOT NULL, batch int NOT NULL)",
        "INSERT INTO migrations (migration, batch) VALUES ('2025_03_01_000000_create_folios', 1)",
        "CREATE TABLE folios (id bigint unsigned AUTO_INCREMENT PRIMARY KEY, room varchar(10) NOT"
            + " NULL, guest text, closed_at datetime NULL, scan blob, updated int NOT NULL DEFAULT"
            + " 0, KEY folios_room (room))",
        "INSERT INTO folios (room, guest, closed_at, scan) VALUES ('101', 'ဦးအောင်မြင့် (မန္တလေး)',"
            + " '2025-04-01 10:00:00', x'00ff0a5c27'), ('102', 'Daw Khin Khin', NULL, NULL),"
            + " ('103', 'a\\ttab, \\'quotes\\' DEFINER=`x`@`y`', NULL, x'')",
        "CREATE VIEW open_folios AS SELECT id, room FROM folios WHERE closed_at IS NULL",
        "CREATE TRIGGER folios_bump BEFORE UPDATE ON folios FOR EACH ROW SET NEW.updated ="
            + " OLD.updated + 1",
        "CREATE PROCEDURE close_folio(IN fid BIGINT) UPDATE folios SET closed_at = NOW() WHERE id ="
            + " fid",
        "CREATE FUNCTION folio_count() RETURNS INT READS SQL DATA RETURN (SELECT count(*) FROM"
            + " folios)",
        "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DISABLE DO"
            + " DELETE FROM folios WHERE 0",
        "CREATE TABLE reports (day date PRIMARY KEY, total decimal(12,2))",
        "INSERT INTO reports VALUES ('2025-04-01', 1234.50)");
    // a view whose definer is root: restoring it as the app's user works only without the DEFINER
    admin(
        "CREATE DEFINER=`root`@`127.0.0.1` VIEW "
            + name
            + ".folio_rooms AS SELECT room FROM "
            + name
            + ".folios");
  }

  /**
   * Schema and data as comparable text: columns, indexes, triggers, routines, events, views, rows.
   */
  List<String> snapshot() {
    try (Connection c = DriverManager.getConnection(ADMIN + name, "root", "")) {
      return snapshot(c);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> snapshot(Connection c) {
    String in = " = '" + name + "'";
    List<String> out = new ArrayList<>();
    out.addAll(
        rows(
            c,
            "SELECT concat_ws(' ', table_name, table_type) FROM information_schema.tables WHERE"
                + " table_schema"
                + in
                + " ORDER BY 1"));
    out.addAll(
        rows(
            c,
            "SELECT concat_ws(' ', table_name, column_name, column_type, is_nullable,"
                + " column_default) FROM information_schema.columns WHERE table_schema"
                + in
                + " ORDER BY 1"));
    out.addAll(
        rows(
            c,
            "SELECT concat_ws(' ', table_name, index_name, column_name) FROM"
                + " information_schema.statistics WHERE table_schema"
                + in
                + " ORDER BY 1"));
    out.addAll(
        rows(
            c,
            "SELECT concat_ws(' ', trigger_name, action_statement, action_order, sql_mode,"
                + " character_set_client, collation_connection) FROM information_schema.triggers"
                + " WHERE trigger_schema"
                + in
                + " ORDER BY 1"));
    out.addAll(
        rows(
            c,
            "SELECT concat_ws(' ', routine_name, routine_definition, sql_mode, character_set_client,"
                + " collation_connection) FROM"
                + " information_schema.routines WHERE routine_schema"
                + in
                + " ORDER BY 1"));
    out.addAll(
        rows(
            c,
            "SELECT concat_ws(' ', event_name, event_definition, status) FROM"
                + " information_schema.events WHERE event_schema"
                + in
                + " ORDER BY 1"));
    out.addAll(
        rows(
            c,
            "SELECT concat_ws(' ', table_name, view_definition, check_option, security_type,"
                + " character_set_client, collation_connection) FROM information_schema.views WHERE"
                + " table_schema"
                + in
                + " ORDER BY 1"));
    for (String table :
        rows(
            c,
            "SELECT table_name FROM information_schema.tables WHERE table_schema"
                + in
                + " AND table_type = 'BASE TABLE' ORDER BY 1")) {
      out.add(table + ": " + rows(c, "SELECT * FROM `" + table + "` ORDER BY 1"));
    }
    return out;
  }

  void exec(String... sql) {
    run(settings, sql);
  }

  /** Read as root, who sees every routine's body whoever defined it. */
  List<String> rows(String sql) {
    try (Connection c = DriverManager.getConnection(ADMIN + name, "root", "")) {
      return rows(c, sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static List<String> rows(Connection c, String sql) {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.add(v instanceof byte[] b ? "0x" + HexFormat.of().formatHex(b) : String.valueOf(v));
        }
        out.add(String.join("|", row));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return out;
  }

  static List<String> databases(String like) {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(ADMIN, "root", "");
        ResultSet rs = c.createStatement().executeQuery("SHOW DATABASES LIKE '" + like + "'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static void admin(String... sql) {
    run(new ConnectionSettings(ADMIN, "root", ""), sql);
  }

  private static void run(ConnectionSettings as, String... sql) {
    try (Connection c = DriverManager.getConnection(as.jdbcUrl(), as.user(), as.password());
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
    admin(
        "DROP DATABASE IF EXISTS " + name,
        "DROP USER IF EXISTS '" + settings.user() + "'@'%'",
        "DROP USER IF EXISTS '" + other.user() + "'@'%'");
  }
}

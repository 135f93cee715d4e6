package dev.thingyan.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The app's MariaDB database as the tests see it (as root, beside the app's own user). */
final class AppDb {

  static final String URL = "jdbc:mariadb://127.0.0.1:3306/";

  final String name;

  AppDb(String name) {
    this.name = name;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(URL + name, "root", "");
  }

  static void admin(String... statements) {
    try (Connection c = DriverManager.getConnection(URL, "root", ""); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new AssertionError("MariaDB: " + e.getMessage(), e);
    }
  }

  void execute(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new AssertionError(sql + ": " + e.getMessage(), e);
    }
  }

  /** @return the rows of a query, each as column -> text */
  List<Map<String, String>> query(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<Map<String, String>> rows = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
          row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new AssertionError(sql + ": " + e.getMessage(), e);
    }
  }

  String scalar(String sql) {
    List<Map<String, String>> rows = query(sql);
    return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
  }

  long count(String table) {
    return Long.parseLong(scalar("SELECT COUNT(*) FROM `" + table + "`"));
  }

  List<String> tables() {
    return query("SHOW FULL TABLES").stream().map(r -> r.values().iterator().next()).sorted().toList();
  }

  List<String> columns(String table) {
    return query("SHOW COLUMNS FROM `" + table + "`").stream().map(r -> r.get("Field")).toList();
  }

  /** @return the migrations Laravel recorded as run, in order */
  List<String> migrations() {
    return query("SELECT migration FROM migrations ORDER BY id").stream().map(r -> r.get("migration")).toList();
  }

  /**
   * Table by table: its definition (SHOW CREATE TABLE, with AUTO_INCREMENT), row count and
   * CHECKSUM TABLE EXTENDED (every row's content): equal snapshots mean the same database.
   */
  Map<String, String> snapshot() {
    Map<String, String> tables = new TreeMap<>();
    for (String t : tables()) {
      String create = query("SHOW CREATE TABLE `" + t + "`").get(0).get("Create Table");
      String checksum = query("CHECKSUM TABLE `" + t + "` EXTENDED").get(0).get("Checksum");
      tables.put(t, "rows=" + count(t) + " checksum=" + checksum + "\n" + create);
    }
    return tables;
  }
}

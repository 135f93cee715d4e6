package dev.thingyan.bootstrap.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the sample app's SQLite database directly (sqlite-jdbc), as a person checking it would. */
final class AppDatabase {

  private final Path file;

  AppDatabase(Path file) {
    this.file = file;
  }

  List<String> tables() {
    return strings("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  }

  List<String> columns(String table) {
    return strings("SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid");
  }

  List<String> migrations() {
    return strings("SELECT migration FROM migrations ORDER BY id");
  }

  /** @return each booking as {@code guest/room}, by id */
  List<String> bookings() {
    return strings("SELECT guest || '/' || room FROM bookings ORDER BY id");
  }

  /** @return every row of every table, as text, to compare a whole database before and after */
  List<String> everything() {
    List<String> out = new ArrayList<>();
    for (String table : tables()) {
      out.add("table " + table + " " + columns(table));
      out.addAll(strings("SELECT * FROM \"" + table + "\" ORDER BY rowid").stream()
          .map(r -> table + ": " + r).toList());
    }
    return out;
  }

  /** @return the first column of each row (all columns joined with '|' when there are more) */
  List<String> strings(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet r = c.createStatement().executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      List<String> out = new ArrayList<>();
      while (r.next()) {
        StringBuilder row = new StringBuilder(String.valueOf(r.getObject(1)));
        for (int i = 2; i <= n; i++) {
          row.append('|').append(r.getObject(i));
        }
        out.add(row.toString());
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + file + " (" + sql + "): " + e.getMessage(), e);
    }
  }
}

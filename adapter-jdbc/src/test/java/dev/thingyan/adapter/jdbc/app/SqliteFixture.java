package dev.thingyan.adapter.jdbc.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A small PMS-like SQLite database, read and written with plain JDBC. */
final class SqliteFixture {

  private SqliteFixture() {}

  static void createPms(Path file) throws SQLException {
    exec(
        file,
        "PRAGMA journal_mode=WAL",
        "CREATE TABLE migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, migration TEXT, batch INT)",
        "INSERT INTO migrations (migration, batch) VALUES ('2025_01_01_000000_create_guests', 1)",
        "INSERT INTO migrations (migration, batch) VALUES ('2025_03_01_000000_create_folios', 1)",
        "CREATE TABLE folios (id INTEGER PRIMARY KEY, room TEXT, guest TEXT, closed_at TEXT)",
        "CREATE INDEX folios_room ON folios (room)",
        "INSERT INTO folios (room, guest, closed_at) VALUES ('101', 'ဒေါ်အေးအေး', '2025-04-10')",
        "INSERT INTO folios (room, guest, closed_at) VALUES ('102', 'Mr. Smith', '2025-04-11')");
  }

  static void exec(Path file, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /**
   * @return every row of {@code sql}, each as its columns joined by {@code |}.
   */
  static List<String> rows(Path file, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      return rows(c, sql);
    }
  }

  /** As {@link #rows(Path, String)}, through a connection the caller keeps open, as the app does. */
  static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  /** Overwrites one page of the file with zeros: the b-tree on it becomes unreadable. */
  static void zeroPage(Path file, long pageNumber) throws IOException {
    int pageSize = 4096;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.allocate(pageSize), (pageNumber - 1) * pageSize);
    }
  }
}

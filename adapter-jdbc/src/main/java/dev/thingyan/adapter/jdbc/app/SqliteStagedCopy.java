package dev.thingyan.adapter.jdbc.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Readies a checked dump for SQLite's backup API. In WAL mode the backup API cannot change the
 * destination's page size (it fails, and the driver does not say so), so a dump with another page
 * size is rebuilt with the live one first. The dump is put in rollback-journal mode: the backup
 * API marks the copy as WAL only if the live database is, so the live journal mode survives.
 */
final class SqliteStagedCopy {

  private SqliteStagedCopy() {}

  /**
   * @return the staged copy's schema, as {@link #schema} reads it, to check the restore against
   */
  static List<String> prepare(Path staged, long livePageSize) throws SQLException {
    try (Connection c = SqliteFiles.open(staged, false)) {
      try (Statement s = c.createStatement();
          ResultSet mode = s.executeQuery("PRAGMA journal_mode=DELETE")) {
        mode.next();
      }
      if (livePageSize > 0 && SqliteRestore.pragma(c, "page_size") != livePageSize) {
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA page_size=" + livePageSize);
        }
        try (Statement s = c.createStatement()) {
          s.execute("VACUUM");
        }
      }
      return schema(c);
    }
  }

  /** Every table, index, view and trigger with its SQL, in a stable order. */
  static List<String> schema(Connection c) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")) {
      while (rs.next()) {
        rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    return rows;
  }
}

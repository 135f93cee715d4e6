package dev.thingyan.adapter.jdbc.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Views that name a table, column or function that no longer exists. {@code mariadb-dump} fails
 * on such a view (and a failed restore that dropped a function leaves one behind), so a backup,
 * a restore's safety backup above all, could never be taken again until someone dropped it by
 * hand. They are left out of the dump instead ({@code --ignore-table}), named in the log, and
 * their SQL travels after the dump as comments for a person: no server would create them as they
 * are.
 */
final class MariaDbInvalidViews {

  static final String LINE = "-- thingyan-invalid-view ";
  private static final int INVALID_VIEW = 1356;

  private MariaDbInvalidViews() {}

  /** @return each invalid view of {@code database} and its {@code SHOW CREATE VIEW} text */
  static Map<String, String> find(Connection c, String database) throws SQLException {
    List<String> views = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement("SELECT table_name FROM information_schema.tables"
        + " WHERE table_schema = ? AND table_type = 'VIEW' ORDER BY 1")) {
      q.setString(1, database);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          views.add(r.getString(1));
        }
      }
    }
    Map<String, String> invalid = new TreeMap<>();
    try (Statement s = c.createStatement()) {
      for (String view : views) {
        String name = MariaDbObjects.quote(database) + "." + MariaDbObjects.quote(view);
        try {
          s.executeQuery("SELECT * FROM " + name + " LIMIT 0").close();
        } catch (SQLException e) {
          if (e.getErrorCode() != INVALID_VIEW) {
            throw e;
          }
          try (ResultSet r = s.executeQuery("SHOW CREATE VIEW " + name)) {
            invalid.put(view, r.next() ? r.getString(2) : "");
          }
        }
      }
    }
    return invalid;
  }

  /** The comment lines that carry the views' SQL after the dump. */
  static String lines(Map<String, String> invalid) {
    StringBuilder out = new StringBuilder();
    invalid.forEach((view, sql) -> out.append(LINE).append(view).append(" (invalid, not restored): ")
        .append(sql.replace("\r", " ").replace("\n", " ")).append('\n'));
    return out.toString();
  }
}

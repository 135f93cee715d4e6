package dev.thingyan.adapter.jdbc.app;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact values of a database's FLOAT columns, which {@code mariadb-dump} cannot keep: the
 * server sends a FLOAT as text with 6 significant digits (16777216 becomes 16777200, 1/7 becomes
 * 0.142857), and the dump holds that text. Here each value is read as well as {@code CAST(c AS
 * DOUBLE)}, whose shortest decimal form parses back to the very same float, and the pairs go into
 * the backup ahead of the dump as comment lines ({@link #header}); loading puts the exact value
 * back in place of the shortened one ({@link MariaDbFloatFix}), checking that the dump's text is
 * the one recorded, so a value can never land on the wrong row unnoticed.
 *
 * <p>Rows are read with the query {@code mariadb-dump} itself sends ({@code SELECT * FROM t}, or
 * its explicit column list when the table has invisible columns, {@code FOR SYSTEM_TIME ALL} with
 * history) plus the casts, so the server scans them in the same order.
 */
final class MariaDbFloats {

  static final String TABLE = "-- thingyan-float-table ";
  static final String ROW = "-- thingyan-float ";
  static final String END = "-- thingyan-float-end";

  /** One table's FLOAT columns and their values, row by row in dump order. */
  record Table(String name, List<String> columns, List<Integer> visibleIndex, List<String> rows) {}

  private MariaDbFloats() {}

  /**
   * @return every base table of {@code database} with a FLOAT column, and its values read in the
   *     connection's current snapshot
   */
  static List<Table> read(Connection c, String database, boolean history) throws SQLException {
    Map<String, List<String[]>> columns = new LinkedHashMap<>();
    try (var s =
        c.prepareStatement(
            "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.EXTRA, t.TABLE_TYPE"
                + " FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
                + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                + " WHERE c.TABLE_SCHEMA = ? AND t.TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')"
                + " ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION")) {
      s.setString(1, database);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          columns
              .computeIfAbsent(r.getString(1), k -> new ArrayList<>())
              .add(new String[] {r.getString(2), r.getString(3), r.getString(4), r.getString(5)});
        }
      }
    }
    List<Table> tables = new ArrayList<>();
    for (var e : columns.entrySet()) {
      if (e.getValue().stream().anyMatch(col -> col[1].equalsIgnoreCase("float"))) {
        tables.add(readTable(c, database, e.getKey(), e.getValue(), history));
      }
    }
    return tables;
  }

  private static Table readTable(
      Connection c, String database, String table, List<String[]> cols, boolean history)
      throws SQLException {
    boolean invisible = cols.stream().anyMatch(col -> col[2].toUpperCase().contains("INVISIBLE"));
    boolean versioned = cols.get(0)[3].equals("SYSTEM VERSIONED");
    List<String> names = new ArrayList<>();
    List<Integer> visibleIndex = new ArrayList<>();
    StringBuilder casts = new StringBuilder();
    int visible = 0;
    List<String> all = new ArrayList<>();
    for (String[] col : cols) {
      boolean hidden = col[2].toUpperCase().contains("INVISIBLE");
      if (col[1].equalsIgnoreCase("float")) {
        names.add(col[0]);
        visibleIndex.add(hidden ? -1 : visible);
        casts.append(", ").append(quote(col[0])).append(", CAST(").append(quote(col[0]))
            .append(" AS DOUBLE)");
      }
      if (!hidden) {
        visible++;
      }
      if (!(hidden && col[2].toUpperCase().contains("ROW START"))
          && !(hidden && col[2].toUpperCase().contains("ROW END"))) {
        all.add(quote(col[0]));
      }
    }
    String select = invisible ? String.join(",", all) : "*";
    String sql = "SELECT /*!40001 SQL_NO_CACHE */ " + select + casts + " FROM " + quote(database)
        + "." + quote(table) + (history && versioned ? " FOR SYSTEM_TIME ALL" : "");
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      int first = r.getMetaData().getColumnCount() - 2 * names.size();
      while (r.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
          String shown = r.getString(first + 2 * i + 1);
          String exact = r.getString(first + 2 * i + 2);
          row.append(i == 0 ? "" : " ").append(shown == null ? "NULL" : shown + "=" + exact);
        }
        rows.add(row.toString());
      }
    }
    return new Table(table, names, visibleIndex, rows);
  }

  /** The comment lines that carry {@code tables} ahead of the dump; empty when there is none. */
  static String header(List<Table> tables) {
    StringBuilder text = new StringBuilder();
    for (Table t : tables) {
      text.append(TABLE).append(quote(t.name())).append(' ');
      for (int i = 0; i < t.columns().size(); i++) {
        text.append(i == 0 ? "" : ",").append(t.visibleIndex().get(i)).append(':')
            .append(quote(t.columns().get(i)));
      }
      text.append('\n');
      for (String row : t.rows()) {
        text.append(ROW).append(row).append('\n');
      }
    }
    if (!tables.isEmpty()) {
      text.append(END).append('\n');
    }
    return text.toString();
  }

  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}

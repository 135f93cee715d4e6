package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.BackupException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a MariaDB database holds, as lines a restore can compare: per table its row count and
 * {@code CHECKSUM TABLE ... EXTENDED} (computed by the server over every row, history rows
 * included), each sequence's state, and each column, index, view, trigger, routine and event with a
 * digest of its definition. Names of the database itself are taken out of definitions, so a copy
 * in a scratch database compares equal. Definers are left out: whether the restoring account may
 * keep them is reported on its own ({@link MariaDbDefiners}).
 *
 * <p>Each entry is {@code kind name} mapped to its value; a table whose rows the app changed while
 * the backup ran has the value {@value #CHANGED}, and its rows are not compared.
 */
final class MariaDbManifest {

  static final String LINE = "-- thingyan-manifest ";
  static final String CHANGED = "changed-during-backup";
  static final String UNREADABLE = "unreadable";

  private MariaDbManifest() {}

  /** The manifest of {@code database}, read with {@code c}. */
  static Map<String, String> take(Connection c, String database) throws SQLException {
    Map<String, String> m = new TreeMap<>();
    String q = "`" + database.replace("`", "``") + "`";
    List<String[]> tables = rows(c, "SELECT table_name, table_type, engine FROM"
        + " information_schema.tables WHERE table_schema = ?", database);
    for (String[] t : tables) {
      String name = q + ".`" + t[0].replace("`", "``") + "`";
      switch (t[1]) {
        case "VIEW" -> { }
        case "SEQUENCE" -> m.put("sequence " + t[0], String.join(",",
            one(c, "SELECT next_not_cached_value, minimum_value, maximum_value, start_value,"
                + " increment, cache_size, cycle_option, cycle_count FROM " + name)));
        default -> m.put("table " + t[0], t[1] + " " + t[2] + " rows="
            + one(c, "SELECT COUNT(*) FROM " + name)[0] + " checksum="
            + one(c, "CHECKSUM TABLE " + name + " EXTENDED")[1]);
      }
    }
    for (String[] r : rows(c, "SELECT table_name, column_name, ordinal_position, column_type,"
        + " is_nullable, column_default, extra, character_set_name, collation_name, column_comment"
        + " FROM information_schema.columns WHERE table_schema = ?", database)) {
      m.put("column " + r[0] + "." + r[1], String.join("|", tail(r, 2)));
    }
    for (String[] r : rows(c, "SELECT table_name, index_name, seq_in_index, column_name,"
        + " non_unique, sub_part, index_type FROM information_schema.statistics"
        + " WHERE table_schema = ?", database)) {
      m.put("index " + r[0] + "." + r[1] + "." + r[2], String.join("|", tail(r, 3)));
    }
    for (String[] r : rows(c, "SELECT table_name, check_option, security_type, view_definition"
        + " FROM information_schema.views WHERE table_schema = ?", database)) {
      m.put("view " + r[0], r[1] + "|" + r[2] + "|" + digest(unqualified(r[3], q)));
    }
    for (String[] r : rows(c, "SELECT trigger_name, event_object_table, action_timing,"
        + " event_manipulation, action_order, sql_mode, action_statement"
        + " FROM information_schema.triggers WHERE trigger_schema = ?", database)) {
      m.put("trigger " + r[0], String.join("|", r[1], r[2], r[3], r[4], r[5]) + "|"
          + digest(unqualified(r[6], q)));
    }
    for (String[] r : rows(c, "SELECT routine_name, routine_type, security_type, sql_mode,"
        + " is_deterministic, sql_data_access, routine_definition FROM information_schema.routines"
        + " WHERE routine_schema = ?", database)) {
      m.put("routine " + r[1] + " " + r[0], String.join("|", r[2], r[3], r[4], r[5]) + "|"
          + (r[6] == null ? UNREADABLE : digest(unqualified(r[6], q))));
    }
    for (String[] r : rows(c, "SELECT event_name, status, event_type, interval_value,"
        + " interval_field, execute_at, starts, ends, on_completion, sql_mode, event_definition"
        + " FROM information_schema.events WHERE event_schema = ?", database)) {
      String[] settings = tail(r, 1);
      settings[settings.length - 1] = digest(unqualified(r[10], q));
      m.put("event " + r[0], String.join("|", settings));
    }
    return m;
  }

  /**
   * @return a person's description of every entry that differs between what a backup recorded and
   *     what a database holds; empty when they agree
   */
  static List<String> differences(Map<String, String> recorded, Map<String, String> found) {
    List<String> out = new ArrayList<>();
    for (var e : recorded.entrySet()) {
      String now = found.get(e.getKey());
      String was = e.getValue();
      if (now == null) {
        out.add(e.getKey() + " is missing");
      } else if (was.endsWith(CHANGED)) {
        // rows written while the backup ran: their count and checksum were not recorded
        if (!now.startsWith(was.substring(0, was.length() - CHANGED.length()))) {
          out.add(e.getKey() + " is " + now + ", not " + was);
        }
      } else if (!was.equals(now) && !(was.endsWith(UNREADABLE) || now.endsWith(UNREADABLE))) {
        out.add(e.getKey() + " is " + now + ", not " + was);
      }
    }
    for (String key : found.keySet()) {
      if (!recorded.containsKey(key)) {
        out.add(key + " is there but not in the backup");
      }
    }
    return out;
  }

  /**
   * Compares what {@code database} holds with the backup's manifest ({@link MariaDbManifest}); a
   * backup taken before manifests existed has none, and nothing is compared.
   *
   * @throws BackupException starting with {@code what}, listing the differences
   */
  static void require(
      ConnectionSettings settings, Map<String, String> recorded, String database, String what) {
    if (recorded.isEmpty()) {
      return;
    }
    List<String> differences;
    try (var c = AppJdbc.connect(settings, settings.jdbcUrl())) {
      differences = MariaDbManifest.differences(recorded, MariaDbManifest.take(c, database));
    } catch (SQLException e) {
      throw new BackupException(what + ": its manifest could not be read ("
          + BoundedCall.describe(e) + ")", e);
    }
    if (!differences.isEmpty()) {
      throw new BackupException(what + ": " + differences.size() + " difference(s) from the"
          + " backup's manifest: " + String.join("; ", differences.subList(0,
          Math.min(10, differences.size()))) + (differences.size() > 10 ? "; ..." : ""));
    }
  }

  /**
   * {@code before}, with the rows of each table (and the state of each sequence) that differs in
   * {@code after} marked changed: the dump's snapshot lies between the two reads, so what did not
   * change is what the dump holds.
   */
  static Map<String, String> stable(Map<String, String> before, Map<String, String> after) {
    Map<String, String> out = new TreeMap<>(before);
    for (var e : before.entrySet()) {
      String v = e.getValue();
      if (v.equals(after.get(e.getKey()))) {
        continue;
      }
      if (e.getKey().startsWith("table ")) {
        out.put(e.getKey(), v.substring(0, v.indexOf(" rows=") + 1) + CHANGED);
      } else if (e.getKey().startsWith("sequence ")) {
        out.put(e.getKey(), CHANGED);
      }
    }
    return out;
  }

  /** The manifest as the comment lines a backup carries after its dump. */
  static String lines(Map<String, String> manifest) {
    StringBuilder out = new StringBuilder();
    manifest.forEach((k, v) -> out.append(LINE).append(k.replace("=", "\\e").replace("\n", "\\n"))
        .append('=').append(v.replace("\n", "\\n")).append('\n'));
    return out.toString();
  }

  /** Reads one line written by {@link #lines} into {@code into}. */
  static void parse(String line, Map<String, String> into) {
    String entry = line.substring(LINE.length()).stripTrailing();
    int eq = entry.indexOf('=');
    into.put(entry.substring(0, eq).replace("\\n", "\n").replace("\\e", "="),
        entry.substring(eq + 1).replace("\\n", "\n"));
  }

  private static String unqualified(String sql, String quotedDatabase) {
    return sql == null ? "" : sql.replace(quotedDatabase + ".", "");
  }

  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String[] tail(String[] r, int from) {
    String[] out = new String[r.length - from];
    for (int i = from; i < r.length; i++) {
      out[i - from] = Objects.toString(r[i]);
    }
    return out;
  }

  private static String[] one(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      String[] row = new String[r.getMetaData().getColumnCount()];
      for (int i = 0; i < row.length; i++) {
        row[i] = r.getString(i + 1);
      }
      return row;
    }
  }

  private static List<String[]> rows(Connection c, String sql, String database)
      throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, database);
      try (ResultSet r = s.executeQuery()) {
        int n = r.getMetaData().getColumnCount();
        while (r.next()) {
          String[] row = new String[n];
          for (int i = 0; i < n; i++) {
            row[i] = r.getString(i + 1);
          }
          out.add(row);
        }
      }
    }
    return out;
  }
}

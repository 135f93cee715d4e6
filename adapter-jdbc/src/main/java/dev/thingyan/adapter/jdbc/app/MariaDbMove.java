package dev.thingyan.adapter.jdbc.app;

import static dev.thingyan.adapter.jdbc.app.MariaDbObjects.quote;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Moves the tables of a loaded scratch database into the app's emptied database with one {@code
 * RENAME TABLE}: the server changes names, not rows, so a restore no longer loads the whole dump a
 * second time (copying the checked copy back took as long as loading the backup itself). MariaDB
 * moves no view and no table that has triggers to another database, so the views' and triggers'
 * definitions are read first ({@code SHOW CREATE}, with the scratch database current, so that they
 * name its objects without a database), the triggers dropped, the tables renamed, and both created
 * again in the app's database with the SQL mode and client character set each was made with.
 * Routines and events, which need no tables, are copied by the caller before {@link #finish}.
 * Definitions are schema, not rows: what is held in memory does not grow with the data. The
 * RENAME waits a bounded time for another connection's metadata locks ({@link MariaDbLocks}).
 */
final class MariaDbMove {

  /** A view's or trigger's definition and the session settings it was created under. */
  private record Definition(String sql, String sqlMode, String charset, String collation) {}

  // character set and collation names, as the server reports them, go into SET statements
  private static final Pattern NAME = Pattern.compile("\\w+");

  private final ConnectionSettings settings;
  private final Duration lockWait;
  private final String scratch;
  private final String target;
  private final List<Definition> views = new ArrayList<>();
  private final List<Definition> triggers = new ArrayList<>();

  MariaDbMove(ConnectionSettings settings, Duration lockWait, String scratch, String target) {
    this.settings = settings;
    this.lockWait = lockWait;
    this.scratch = scratch;
    this.target = target;
  }

  /** Reads the views and triggers, drops the triggers, and renames every table into the target. */
  void moveTables() throws SQLException {
    try (Connection c = connect()) {
      c.setCatalog(scratch);
      for (String view : names(c, "SELECT table_name FROM information_schema.views"
          + " WHERE table_schema = ? ORDER BY 1")) {
        views.add(showCreate(c, "SHOW CREATE VIEW " + quote(view), 2, 0, 3, 4));
      }
      List<String> triggerNames = names(c, "SELECT trigger_name FROM information_schema.triggers"
          + " WHERE trigger_schema = ? ORDER BY event_object_table, action_timing,"
          + " event_manipulation, action_order");
      for (String trigger : triggerNames) {
        triggers.add(showCreate(c, "SHOW CREATE TRIGGER " + quote(trigger), 3, 2, 4, 5));
      }
      List<String> tables = names(c, "SELECT table_name FROM information_schema.tables"
          + " WHERE table_schema = ? AND table_type <> 'VIEW' ORDER BY 1");
      try (Statement s = c.createStatement()) {
        for (String trigger : triggerNames) {
          s.execute("DROP TRIGGER " + quote(scratch) + "." + quote(trigger));
        }
        if (!tables.isEmpty()) {
          s.execute("RENAME TABLE " + String.join(", ", tables.stream()
              .map(t -> quote(scratch) + "." + quote(t) + " TO " + quote(target) + "." + quote(t))
              .toList()));
        }
      }
    }
  }

  /**
   * Creates the views (in an order that works: a view may select from another) and the triggers in
   * the target database. Call once its routines exist: a view or trigger may call them.
   */
  void finish() throws SQLException {
    try (Connection c = connect()) {
      c.setCatalog(target);
      List<Definition> pending = new ArrayList<>(views);
      while (!pending.isEmpty()) {
        SQLException last = null;
        List<Definition> failed = new ArrayList<>();
        for (Definition view : pending) {
          try {
            create(c, view);
          } catch (SQLException e) {
            failed.add(view);
            last = e;
          }
        }
        if (failed.size() == pending.size()) {
          throw last;
        }
        pending = failed;
      }
      for (Definition trigger : triggers) {
        create(c, trigger);
      }
    }
  }

  private Definition showCreate(Connection c, String sql, int ddl, int mode, int cs, int coll)
      throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new SQLException(sql + " returned nothing");
      }
      return new Definition(rs.getString(ddl), mode > 0 ? rs.getString(mode) : null,
          rs.getString(cs), rs.getString(coll));
    }
  }

  /**
   * The driver sends UTF-8: a utf8 client character set (and its collation, which string literals
   * take) is set as recorded; any other stays the connection's, or the text would be misread.
   */
  private static void create(Connection c, Definition d) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (d.sqlMode() != null) {
        try (PreparedStatement mode = c.prepareStatement("SET SESSION sql_mode = ?")) {
          mode.setString(1, d.sqlMode());
          mode.execute();
        }
      }
      boolean utf8 = d.charset() != null && d.charset().toLowerCase(Locale.ROOT).startsWith("utf8")
          && NAME.matcher(d.charset()).matches() && d.collation() != null
          && NAME.matcher(d.collation()).matches();
      if (utf8) {
        s.execute("SET SESSION character_set_client = " + d.charset()
            + ", collation_connection = " + d.collation());
      }
      try {
        s.execute(d.sql());
      } finally {
        if (utf8) {
          s.execute("SET NAMES utf8mb4");
        }
      }
    }
  }

  private List<String> names(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setString(1, scratch);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private Connection connect() throws SQLException {
    return MariaDbLocks.connect(settings, lockWait);
  }
}

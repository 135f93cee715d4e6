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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * Between the drop and their creation in the target the triggers exist only here and in the backup:
 * a RENAME that fails creates them in the scratch database again, and {@link #leftOver} says where
 * everything is after any failure ({@link #logLostTriggers} logs what it takes to create them).
 */
final class MariaDbMove {

  /** A view's or trigger's definition and the session settings it was created under. */
  private record Definition(
      String name, String sql, String sqlMode, String charset, String collation) {

    /** What a person runs in the mariadb client to create it as the restore would have. */
    String script(String database) {
      StringBuilder out = new StringBuilder("\nUSE ").append(quote(database)).append(";\n");
      if (sqlMode != null) {
        out.append("SET SESSION sql_mode = '").append(sqlMode).append("';\n");
      }
      if (utf8()) {
        out.append("SET SESSION character_set_client = ").append(charset)
            .append(", collation_connection = ").append(collation).append(";\n");
      }
      // a body may hold semicolons of its own
      return out.append("DELIMITER //\n").append(sql).append(" //\nDELIMITER ;").toString();
    }

    boolean utf8() {
      return charset != null && charset.toLowerCase(Locale.ROOT).startsWith("utf8")
          && NAME.matcher(charset).matches() && collation != null
          && NAME.matcher(collation).matches();
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(MariaDbMove.class);

  // character set and collation names, as the server reports them, go into SET statements
  private static final Pattern NAME = Pattern.compile("\\w+");

  private final ConnectionSettings settings;
  private final Duration lockWait;
  private final String scratch;
  private final String target;
  private final List<Definition> views = new ArrayList<>();
  private final List<Definition> triggers = new ArrayList<>();
  // dropped from the scratch database and not created anywhere yet: only this list has them
  private final List<Definition> lost = new ArrayList<>();
  private boolean tablesMoved;

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
        views.add(showCreate(c, view, "SHOW CREATE VIEW " + quote(view), 2, 0, 3, 4));
      }
      List<String> triggerNames = names(c, "SELECT trigger_name FROM information_schema.triggers"
          + " WHERE trigger_schema = ? ORDER BY event_object_table, action_timing,"
          + " event_manipulation, action_order");
      for (String trigger : triggerNames) {
        triggers.add(showCreate(c, trigger, "SHOW CREATE TRIGGER " + quote(trigger), 3, 2, 4, 5));
      }
      List<String> tables = names(c, "SELECT table_name FROM information_schema.tables"
          + " WHERE table_schema = ? AND table_type <> 'VIEW' ORDER BY 1");
      try (Statement s = c.createStatement()) {
        for (Definition trigger : triggers) {
          s.execute("DROP TRIGGER " + quote(scratch) + "." + quote(trigger.name()));
          lost.add(trigger);
        }
        if (!tables.isEmpty()) {
          s.execute("RENAME TABLE " + String.join(", ", tables.stream()
              .map(t -> quote(scratch) + "." + quote(t) + " TO " + quote(target) + "." + quote(t))
              .toList()));
        }
        tablesMoved = true;
      } catch (SQLException e) {
        // RENAME TABLE moves all or nothing: the tables are still here, so are their triggers again
        createLost(c, e);
        throw e;
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
        lost.remove(trigger);
      }
    }
  }

  /**
   * Where the checked copy is after a failure, for a person: a sentence naming the databases that
   * hold its tables, its views, routines and events, and the triggers that only the backup has.
   */
  String leftOver() {
    String where =
        tablesMoved
            ? "Its tables and their rows are in " + target + " now; its views, routines and events"
                + " are still in database " + scratch + " on the same server"
            : "No table was moved: the checked copy is whole in database " + scratch
                + " on the same server";
    if (lost.isEmpty()) {
      return where;
    }
    return where
        + (tablesMoved ? "; its triggers " : ", except its triggers ")
        + String.join(", ", lost.stream().map(Definition::name).toList())
        + ", which were not created again and exist only in the backup now (the log has the SQL"
        + " that creates them)";
  }

  /** Logs, for each trigger that only the backup has now, the SQL that creates it as it was. */
  void logLostTriggers() {
    String database = tablesMoved ? target : scratch;
    for (Definition trigger : lost) {
      LOG.warn(
          "the trigger {} was dropped from {} and not created in {}; it exists only in the backup"
              + " now. To create it by hand: {}",
          trigger.name(), scratch, database, trigger.script(database));
    }
  }

  private void createLost(Connection c, SQLException failure) {
    for (Definition trigger : List.copyOf(lost)) {
      try {
        create(c, trigger);
        lost.remove(trigger);
      } catch (SQLException e) {
        failure.addSuppressed(e);
        return; // in order: one missing would put the later ones out of their action order
      }
    }
  }

  private Definition showCreate(
      Connection c, String name, String sql, int ddl, int mode, int cs, int coll)
      throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new SQLException(sql + " returned nothing");
      }
      return new Definition(name, rs.getString(ddl), mode > 0 ? rs.getString(mode) : null,
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
      boolean utf8 = d.utf8();
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

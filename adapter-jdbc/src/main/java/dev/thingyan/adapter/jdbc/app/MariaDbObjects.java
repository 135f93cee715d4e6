package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.BackupException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The database-level chores of a MariaDB restore, over JDBC: scratch databases, dropping every
 * object of a database, counting tables and rows. Each statement waits a bounded time for another
 * connection's metadata locks ({@link MariaDbLocks}).
 */
final class MariaDbObjects {

  /** Events and routines first (they name tables), then views, sequences, tables with triggers. */
  private static final String OBJECTS =
      """
      SELECT 'EVENT', event_name FROM information_schema.events WHERE event_schema = ?
      UNION ALL SELECT routine_type, routine_name FROM information_schema.routines
        WHERE routine_schema = ?
      UNION ALL SELECT CASE table_type WHEN 'VIEW' THEN 'VIEW' WHEN 'SEQUENCE' THEN 'SEQUENCE'
        ELSE 'TABLE' END, table_name FROM information_schema.tables WHERE table_schema = ?
      """;

  private final ConnectionSettings settings;
  private final Duration lockWait;

  MariaDbObjects(ConnectionSettings settings) {
    this(settings, MariaDbLocks.WAIT);
  }

  MariaDbObjects(ConnectionSettings settings, Duration lockWait) {
    this.settings = settings;
    this.lockWait = lockWait;
  }

  /** Creates {@code name} with the character set and collation of {@code like}. */
  void createDatabase(String name, String like) throws SQLException {
    try (Connection c = connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT default_character_set_name, default_collation_name FROM"
                    + " information_schema.schemata WHERE schema_name = ?")) {
      q.setString(1, like);
      String create = "CREATE DATABASE " + quote(name);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          create += " CHARACTER SET " + rs.getString(1) + " COLLATE " + rs.getString(2);
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute(create);
      }
    }
  }

  void dropDatabase(String name) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + quote(name));
    }
  }

  /** Drops every event, routine, view, sequence and table (and so trigger) of {@code database}. */
  void dropAll(String database) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("SET SESSION FOREIGN_KEY_CHECKS = 0");
      List<String> drops = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement(OBJECTS)) {
        for (int i = 1; i <= 3; i++) {
          q.setString(i, database);
        }
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            drops.add(
                "DROP "
                    + rs.getString(1)
                    + " IF EXISTS "
                    + quote(database)
                    + "."
                    + quote(rs.getString(2)));
          }
        }
      }
      for (String drop : drops) {
        s.execute(drop);
      }
    }
  }

  /**
   * @return e.g. {@code 12 tables, 3410 rows}
   */
  String count(String database) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND"
                    + " table_type IN ('BASE TABLE', 'SYSTEM VERSIONED')")) {
      q.setString(1, database);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          tables.add(quote(database) + "." + quote(rs.getString(1)));
        }
      }
      if (tables.isEmpty()) {
        throw new BackupException("the backup restores to a database without tables");
      }
      long rows = 0;
      try (Statement s = c.createStatement()) {
        for (String table : tables) {
          try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rows += rs.next() ? rs.getLong(1) : 0;
          }
        }
      }
      return tables.size() + " tables, " + rows + " rows";
    }
  }

  private Connection connect() throws SQLException {
    return MariaDbLocks.connect(settings, lockWait);
  }

  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}

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
import java.util.Optional;

/**
 * Bounded waits for MariaDB's metadata locks. An app connection idle inside a transaction holds a
 * lock on every table it read until that transaction ends, and DROP or RENAME waits for it up to
 * {@code lock_wait_timeout}: 86400 s by default. MariaDB cannot roll DDL back, so a restore must
 * not find that out halfway through its drops. Every session of a restore waits at most {@link
 * #WAIT} ({@link #connect}), and before anything is dropped {@link #holder} locks every table of the
 * app's database for writing and releases it at once: if that cannot be had in time, another
 * connection is using the database and the restore stops with nothing changed.
 */
final class MariaDbLocks {

  /** How long a restore waits for another connection to let go of a table. */
  static final Duration WAIT = Duration.ofSeconds(60);

  private static final String TABLES =
      "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type IN"
          + " ('BASE TABLE', 'SYSTEM VERSIONED', 'SEQUENCE') ORDER BY 1";
  // without the PROCESS privilege a user sees only its own connections: the app's, if it is the same
  private static final String USERS =
      "SELECT id, user, host, command, time FROM information_schema.processlist"
          + " WHERE db = ? AND id <> CONNECTION_ID() ORDER BY id";
  private static final int LOCK_WAIT_TIMEOUT = 1205;

  private final ConnectionSettings settings;
  private final Duration wait;

  MariaDbLocks(ConnectionSettings settings, Duration wait) {
    this.settings = settings;
    this.wait = wait;
  }

  /** Opens a connection whose statements wait at most {@code wait} for a metadata lock. */
  static Connection connect(ConnectionSettings settings, Duration wait) throws SQLException {
    Connection c = AppJdbc.connect(settings, settings.jdbcUrl());
    try (Statement s = c.createStatement()) {
      s.execute("SET SESSION lock_wait_timeout = " + Math.max(1, wait.toSeconds()));
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * @return what holds a table of {@code database}, e.g. {@code connection 42 (pms@10.0.0.5:51234,
   *     Sleep for 95 s)}, or {@code another connection} when it cannot be seen; empty when all
   *     tables could be locked within the wait
   */
  Optional<String> holder(String database) throws SQLException {
    try (Connection c = connect(settings, wait)) {
      List<String> tables = tables(c, database);
      if (tables.isEmpty()) {
        return Optional.empty();
      }
      try (Statement s = c.createStatement()) {
        s.execute("LOCK TABLES " + String.join(" WRITE, ", tables) + " WRITE");
        s.execute("UNLOCK TABLES");
        return Optional.empty();
      } catch (SQLException e) {
        if (e.getErrorCode() != LOCK_WAIT_TIMEOUT) {
          throw e;
        }
      }
      List<String> users = connections(c, database);
      return Optional.of(users.isEmpty() ? "another connection" : String.join(", ", users));
    }
  }

  private static List<String> tables(Connection c, String database) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(TABLES)) {
      q.setString(1, database);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(quote(database) + "." + quote(rs.getString(1)));
        }
      }
    }
    return out;
  }

  private static List<String> connections(Connection c, String database) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(USERS)) {
      q.setString(1, database);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add("connection " + rs.getLong(1) + " (" + rs.getString(2) + "@" + rs.getString(3)
              + ", " + rs.getString(4) + " for " + rs.getLong(5) + " s)");
        }
      }
    }
    return out;
  }

  Duration lockWait() {
    return wait;
  }
}

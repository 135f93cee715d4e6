package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounded waits for MariaDB's metadata locks. An app connection idle inside a transaction holds a
 * lock on every table it read until that transaction ends, and DROP or RENAME waits for it up to
 * {@code lock_wait_timeout}: 86400 s by default. MariaDB cannot roll DDL back, so a restore must
 * not find that out halfway through its drops. Every session of a restore waits at most {@link
 * #WAIT} ({@link #connect}); the restore's first change is one RENAME TABLE of every table ({@link
 * MariaDbMove}), which takes all its locks or times out with nothing changed, and {@link #users}
 * then names who held them.
 */
final class MariaDbLocks {

  /** How long a restore waits for another connection to let go of a table. */
  static final Duration WAIT = Duration.ofSeconds(60);

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
   * @return the connections that use {@code database}, e.g. {@code connection 42 (pms@10.0.0.5,
   *     Sleep for 95 s)}, or {@code another connection} when none can be seen
   */
  String users(String database) {
    try (Connection c = connect(settings, wait)) {
      List<String> users = connections(c, database);
      return users.isEmpty() ? "another connection" : String.join(", ", users);
    } catch (SQLException e) {
      return "another connection";
    }
  }

  /** @return whether {@code e} is a lock wait that ran out */
  static boolean timedOut(SQLException e) {
    return e.getErrorCode() == LOCK_WAIT_TIMEOUT;
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

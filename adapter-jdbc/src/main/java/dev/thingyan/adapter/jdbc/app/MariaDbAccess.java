package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.model.AccessCheckResult;
import dev.thingyan.ports.out.DatabaseAccess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that the configured MariaDB/MySQL user may back up and restore the app's database, as
 * {@link MariaDbDumper} and {@link MariaDbRestore} do it:
 *
 * <ul>
 *   <li>the backup, proven by doing: {@code mariadb-dump --no-data} with the backup's own options
 *       ({@code --routines --events --triggers --single-transaction}) must succeed;
 *   <li>the restore's scratch database, proven by doing: {@code thingyan_privcheck_<random>} is
 *       created, a table made, filled and renamed in it (and a view, trigger, procedure and event
 *       when the app's database has such objects), then dropped;
 *   <li>the app's database, read from {@code SHOW GRANTS} (proving it would change the app's own
 *       database): drop everything, take the tables renamed in from the scratch database, lock
 *       them (the in-use check), and create the kinds of objects it holds again.
 * </ul>
 *
 * A failure names the GRANT statements to run, with the real user, host and database names.
 */
public final class MariaDbAccess implements DatabaseAccess {
  private static final Logger LOG = LoggerFactory.getLogger(MariaDbAccess.class);

  /** Drop every object, receive the renamed tables (CREATE, INSERT), the in-use check's lock. */
  private static final List<String> RESTORE_BASE =
      List.of("SELECT", "INSERT", "CREATE", "DROP", "ALTER", "LOCK TABLES");
  /** What {@code mariadb-dump --routines --events --triggers} reads with. */
  private static final List<String> DUMP = List.of("SELECT", "SHOW VIEW", "TRIGGER", "EVENT");

  private final ConnectionSettings settings;
  private final DatabaseAddress address;
  private final Binaries binaries;
  private final Map<String, String> environment;

  public MariaDbAccess(ConnectionSettings settings) {
    this(settings, Optional.empty(), Map.of());
  }

  /** For tests: the client tools' folder and environment, as {@link MariaDbDumper} takes them. */
  MariaDbAccess(ConnectionSettings settings, Optional<Path> binaries, Map<String, String> environment) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.address = DatabaseAddress.mariadb(settings.jdbcUrl());
    this.binaries = new Binaries(binaries, "install the MariaDB client tools (Debian: mariadb-client)");
    this.environment = Map.copyOf(environment);
  }

  @Override
  public AccessCheckResult check() {
    String database = address.database();
    try (Connection c = MariaDbLocks.connect(settings, MariaDbLocks.WAIT)) {
      String grantee = grantee(c);
      Kinds kinds = kinds(c, database);
      List<String> problems = new ArrayList<>();
      List<String> fixes = new ArrayList<>();
      Set<String> held = held(c, database);
      Set<String> missing = new LinkedHashSet<>(restoreNeeds(kinds));
      missing.removeAll(held);
      if (!missing.isEmpty()) {
        problems.add("on " + database + " the restore lacks " + String.join(", ", missing));
      }
      dumpRehearsal(database).ifPresent(why -> {
        problems.add("a backup would fail: " + why);
        DUMP.stream().filter(p -> !held.contains(p)).forEach(missing::add);
      });
      if (!missing.isEmpty()) {
        fixes.add("GRANT " + String.join(", ", ordered(missing)) + " ON "
            + MariaDbObjects.quote(database) + ".* TO " + grantee + ";");
      }
      scratchRehearsal(c, database, kinds).ifPresent(why -> {
        problems.add("the restore's scratch databases thingyan_% cannot be used: " + why);
        // with binary logging on, creating a trigger or routine needs SUPER or this setting,
        // whatever the grants (the server's error names it)
        fixes.add(why.contains("log_bin_trust_function_creators")
            ? "SET GLOBAL log_bin_trust_function_creators = 1;"
            : "GRANT ALL PRIVILEGES ON `thingyan\\_%`.* TO " + grantee + ";");
      });
      if (problems.isEmpty()) {
        return AccessCheckResult.ok(grantee + " may back up and restore " + database
            + " (dump rehearsed; scratch database thingyan_% created, used and dropped)");
      }
      return AccessCheckResult.missing(grantee + ": " + String.join("; ", problems), fixes);
    } catch (SQLException e) {
      return AccessCheckResult.missing("could not connect to " + address + " to check the"
          + " privileges: " + BoundedCall.describe(e), List.of());
    }
  }

  /** @return {@code 'user'@'host'} as the server knows this login (CURRENT_USER, not USER). */
  private static String grantee(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CURRENT_USER()")) {
      rs.next();
      String who = rs.getString(1);
      int at = who.lastIndexOf('@');
      return literal(who.substring(0, at)) + "@" + literal(who.substring(at + 1));
    }
  }

  private static String literal(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** Which kinds of objects the app's database holds: a restore creates each kind again. */
  private record Kinds(boolean views, boolean triggers, boolean routines, boolean events) {}

  private static Kinds kinds(Connection c, String database) throws SQLException {
    return new Kinds(
        any(c, "SELECT 1 FROM information_schema.views WHERE table_schema = ?", database),
        any(c, "SELECT 1 FROM information_schema.triggers WHERE trigger_schema = ?", database),
        any(c, "SELECT 1 FROM information_schema.routines WHERE routine_schema = ?", database),
        any(c, "SELECT 1 FROM information_schema.events WHERE event_schema = ?", database));
  }

  private static boolean any(Connection c, String sql, String database) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(sql + " LIMIT 1")) {
      q.setString(1, database);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static List<String> restoreNeeds(Kinds kinds) {
    List<String> need = new ArrayList<>(RESTORE_BASE);
    if (kinds.views()) need.addAll(List.of("CREATE VIEW", "SHOW VIEW"));
    if (kinds.triggers()) need.add("TRIGGER");
    if (kinds.routines()) need.addAll(List.of("CREATE ROUTINE", "ALTER ROUTINE"));
    if (kinds.events()) need.add("EVENT");
    return need;
  }

  private static Set<String> held(Connection c, String database) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW GRANTS")) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    return MariaDbGrants.on(database, lines);
  }

  private static List<String> ordered(Set<String> privileges) {
    List<String> out = new ArrayList<>(MariaDbGrants.ALL_DATABASE);
    out.retainAll(privileges);
    return out;
  }

  /** @return why a backup's dump fails, when it does. */
  private Optional<String> dumpRehearsal(String database) {
    try (MariaDbClient client = new MariaDbClient(settings, address, binaries, MariaDbLocks.WAIT,
            environment);
        ChildProcess dump = client.dumpSchema(database)) {
      dump.stdin().close();
      try (InputStream out = dump.stdout()) {
        out.transferTo(java.io.OutputStream.nullOutputStream());
      }
      int code = dump.waitFor();
      return code == 0 ? Optional.empty() : Optional.of(dump.failure(code));
    } catch (IOException | RuntimeException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * Does in a scratch database what a restore does there: load tables (and the app's kinds of
   * objects), rename a table. Always dropped afterwards.
   *
   * @return why it failed, when it did
   */
  private Optional<String> scratchRehearsal(Connection c, String database, Kinds kinds) {
    MariaDbObjects objects = new MariaDbObjects(settings);
    String scratch = AppJdbc.scratchName("privcheck");
    try {
      objects.createDatabase(scratch, database);
    } catch (SQLException e) {
      return Optional.of("CREATE DATABASE " + scratch + " was refused (" + BoundedCall.describe(e) + ")");
    }
    String q = MariaDbObjects.quote(scratch) + ".";
    List<String> statements = new ArrayList<>(List.of(
        "CREATE TABLE " + q + "t (id INT PRIMARY KEY, n INT, KEY n (n))",
        "INSERT INTO " + q + "t VALUES (1, 1)",
        "ALTER TABLE " + q + "t DISABLE KEYS",
        "RENAME TABLE " + q + "t TO " + q + "t2"));
    if (kinds.views()) statements.add("CREATE VIEW " + q + "v AS SELECT id FROM " + q + "t2");
    if (kinds.triggers()) statements.add("CREATE TRIGGER " + q + "tr BEFORE INSERT ON " + q
        + "t2 FOR EACH ROW SET NEW.n = NEW.n");
    if (kinds.routines()) statements.add("CREATE PROCEDURE " + q + "p() SELECT 1");
    if (kinds.events()) statements.add("CREATE EVENT " + q + "e ON SCHEDULE AT CURRENT_TIMESTAMP"
        + " + INTERVAL 1 DAY DISABLE DO SELECT 1");
    Optional<String> refused = run(c, statements, q, scratch);
    try {
      objects.dropDatabase(scratch);
    } catch (SQLException e) {
      LOG.warn("the privilege check's scratch database {} is left over ({}); drop it by hand",
          scratch, BoundedCall.describe(e));
      return refused.or(() -> Optional.of("DROP DATABASE " + scratch + " was refused ("
          + BoundedCall.describe(e) + "); drop it by hand"));
    }
    return refused;
  }

  private static Optional<String> run(Connection c, List<String> statements, String q,
      String scratch) {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        try {
          s.execute(sql);
        } catch (SQLException e) {
          return Optional.of(sql.replace(q, "") + " was refused in " + scratch + " ("
              + BoundedCall.describe(e) + ")");
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(BoundedCall.describe(e));
    }
  }
}

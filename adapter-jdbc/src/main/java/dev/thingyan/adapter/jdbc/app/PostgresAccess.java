package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.model.AccessCheckResult;
import dev.thingyan.ports.out.DatabaseAccess;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks that the configured PostgreSQL user may back up and restore the app's database, as
 * {@link PostgresDumper} and {@link PostgresRestore} do it: {@code pg_dump} reads every table and
 * sequence (SELECT, and USAGE on their schemas) and large object; the restore drops every
 * non-system schema (only its owner may), creates schemas (CREATE on the database, proven by
 * creating one in a transaction that is rolled back), creates {@code public} again for its owner
 * (a role the user must act as), and unlinks every large object (their owner). A failure names
 * the GRANT or ALTER statements to run, with the real names.
 */
public final class PostgresAccess implements DatabaseAccess {

  private static final String NON_SYSTEM =
      "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";
  private static final String SCHEMAS =
      "SELECT n.nspname, pg_get_userbyid(n.nspowner), pg_has_role(current_user, n.nspowner,"
          + " 'USAGE') FROM pg_namespace n WHERE " + NON_SYSTEM + " ORDER BY 1";
  private static final String UNREADABLE =
      "SELECT n.nspname, count(*) FILTER (WHERE c.relkind IN ('r', 'p', 'm')),"
          + " count(*) FILTER (WHERE c.relkind = 'S') FROM pg_class c"
          + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + NON_SYSTEM
          + " AND c.relkind IN ('r', 'p', 'm', 'S')"
          + " AND NOT has_table_privilege(current_user, c.oid, 'SELECT') GROUP BY 1 ORDER BY 1";
  private static final String FOREIGN_LARGE_OBJECTS =
      "SELECT pg_get_userbyid(lomowner), count(*) FROM pg_largeobject_metadata"
          + " WHERE NOT pg_has_role(current_user, lomowner, 'USAGE') GROUP BY 1 ORDER BY 1";

  private final ConnectionSettings settings;
  private final DatabaseAddress address;

  public PostgresAccess(ConnectionSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.address = DatabaseAddress.postgres(settings.jdbcUrl());
  }

  @Override
  public AccessCheckResult check() {
    try (Connection c = AppJdbc.connect(settings, settings.jdbcUrl())) {
      String user = one(c, "SELECT current_user");
      String database = one(c, "SELECT current_database()");
      List<String> problems = new ArrayList<>();
      Set<String> fixes = new LinkedHashSet<>();
      unreadable(c, user, problems, fixes);
      schemasNotOwned(c, user, database, problems, fixes);
      largeObjects(c, user, problems, fixes);
      createSchemaRefused(c).ifPresent(why -> {
        problems.add("creating a schema in " + database + " was refused (" + why + ")");
        fixes.add("GRANT CREATE ON DATABASE " + ident(database) + " TO " + ident(user) + ";");
      });
      if (problems.isEmpty()) {
        return AccessCheckResult.ok(user + " may back up and restore " + database
            + " (reads every table, owns every schema, may create schemas)");
      }
      return AccessCheckResult.missing(user + " on " + database + ": "
          + String.join("; ", problems), List.copyOf(fixes));
    } catch (SQLException e) {
      return AccessCheckResult.missing("could not connect to " + address + " to check the"
          + " privileges: " + BoundedCall.describe(e), List.of());
    }
  }

  private static void unreadable(Connection c, String user, List<String> problems,
      Set<String> fixes) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(UNREADABLE)) {
      while (rs.next()) {
        String schema = rs.getString(1);
        long tables = rs.getLong(2);
        long sequences = rs.getLong(3);
        problems.add("a backup cannot read " + tables + " table(s) and " + sequences
            + " sequence(s) in schema " + schema);
        fixes.add("GRANT USAGE ON SCHEMA " + ident(schema) + " TO " + ident(user) + ";");
        if (tables > 0) {
          fixes.add("GRANT SELECT ON ALL TABLES IN SCHEMA " + ident(schema) + " TO " + ident(user) + ";");
        }
        if (sequences > 0) {
          fixes.add("GRANT SELECT ON ALL SEQUENCES IN SCHEMA " + ident(schema) + " TO "
              + ident(user) + ";");
        }
      }
    }
  }

  /** DROP SCHEMA ... CASCADE is its owner's (or a member's); so is CREATE SCHEMA public AUTHORIZATION. */
  private static void schemasNotOwned(Connection c, String user, String database,
      List<String> problems, Set<String> fixes) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SCHEMAS)) {
      while (rs.next()) {
        if (!rs.getBoolean(3)) {
          String schema = rs.getString(1);
          String owner = rs.getString(2);
          problems.add("a restore cannot drop schema " + schema + " (owned by " + owner + ")");
          // pg_database_owner (public's owner since PostgreSQL 15) has no explicit members
          fixes.add("pg_database_owner".equals(owner)
              ? "ALTER DATABASE " + ident(database) + " OWNER TO " + ident(user) + ";"
              : "ALTER SCHEMA " + ident(schema) + " OWNER TO " + ident(user) + ";");
        }
      }
    }
  }

  private static void largeObjects(Connection c, String user, List<String> problems,
      Set<String> fixes) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(FOREIGN_LARGE_OBJECTS)) {
      while (rs.next()) {
        problems.add("a restore cannot remove " + rs.getLong(2) + " large object(s) of "
            + rs.getString(1));
        fixes.add("GRANT " + ident(rs.getString(1)) + " TO " + ident(user) + ";");
      }
    }
  }

  /** Proven by doing, in a transaction that is rolled back: nothing stays, nothing is locked. */
  private static java.util.Optional<String> createSchemaRefused(Connection c) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + AppJdbc.scratchName("privcheck"));
      return java.util.Optional.empty();
    } catch (SQLException e) {
      return java.util.Optional.of(BoundedCall.describe(e));
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  private static String one(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** An identifier quoted as PostgreSQL's quote_ident does when it must. */
  static String ident(String name) {
    return name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }
}

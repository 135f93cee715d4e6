package dev.thingyan.adapter.jdbc.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The app's schema version: the newest migration its migration tool recorded. Laravel's {@code
 * migrations} first (its newest {@code migration}), else Flyway's {@code flyway_schema_history}
 * ({@code flyway:<installed_rank>:<version or script>}), else Liquibase's {@code databasechangelog}
 * ({@code liquibase:<orderexecuted>:<id>}). Each changes whenever a migration is applied, so the
 * rollback can tell that a release migrated the database when it started, as a jvm-service does.
 * thingyan's own journal may share the database: its Liquibase tables are {@code
 * thingyan_changelog*}, which are not the app's and are never read here.
 */
final class AppSchemaVersion {

  /** Finds one of the app's tables by its lower-case name, in whatever case it was created. */
  @FunctionalInterface
  interface Tables {
    /**
     * @return the table as a query names it (quoted), when the database has it
     */
    Optional<String> find(Connection c, String name) throws SQLException;
  }

  /** In the search path; Flyway quotes its lower-case name, Liquibase may be asked for upper. */
  static final Tables POSTGRES =
      (c, name) -> {
        for (String candidate : List.of(name, name.toUpperCase(Locale.ROOT))) {
          try (PreparedStatement q = c.prepareStatement("SELECT to_regclass(?)::text")) {
            q.setString(1, "\"" + candidate + "\"");
            try (ResultSet rs = q.executeQuery()) {
              if (rs.next() && rs.getString(1) != null) {
                return Optional.of(rs.getString(1)); // quoted by the server where needed
              }
            }
          }
        }
        return Optional.empty();
      };

  /**
   * In the connection's database. Names are case-sensitive with lower_case_table_names=0, and
   * Liquibase creates DATABASECHANGELOG there in upper case: the exact name is looked up.
   */
  static final Tables MARIADB =
      (c, name) ->
          byName(
              c,
              "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                  + " AND lower(table_name) = ? ORDER BY 1",
              name,
              MariaDbObjects::quote);

  /** SQLite matches names without regard to case, but sqlite_master's {@code =} does not. */
  static final Tables SQLITE =
      (c, name) ->
          byName(
              c,
              "SELECT name FROM sqlite_master WHERE type = 'table' AND lower(name) = ? ORDER BY 1",
              name,
              t -> "\"" + t.replace("\"", "\"\"") + "\"");

  private AppSchemaVersion() {}

  static Optional<String> read(Connection c, Tables tables) throws SQLException {
    Optional<String> laravel = tables.find(c, "migrations");
    if (laravel.isPresent()) {
      List<String> row = newest(c, "SELECT migration FROM %s ORDER BY id DESC LIMIT 1", laravel);
      if (!row.isEmpty()) {
        return Optional.ofNullable(row.get(0));
      }
    }
    List<String> flyway =
        newest(
            c,
            "SELECT installed_rank, version, script FROM %s WHERE success"
                + " ORDER BY installed_rank DESC LIMIT 1",
            tables.find(c, "flyway_schema_history"));
    if (!flyway.isEmpty()) {
      // a repeatable migration has no version; its script, re-applied, gets a new rank
      String what = flyway.get(1) != null ? flyway.get(1) : flyway.get(2);
      return Optional.of("flyway:" + flyway.get(0) + ":" + what);
    }
    List<String> liquibase =
        newest(
            c,
            "SELECT orderexecuted, id FROM %s ORDER BY orderexecuted DESC, dateexecuted DESC"
                + " LIMIT 1",
            tables.find(c, "databasechangelog"));
    if (!liquibase.isEmpty()) {
      return Optional.of("liquibase:" + liquibase.get(0) + ":" + liquibase.get(1));
    }
    return Optional.empty();
  }

  /**
   * @return the columns of the first row of {@code sql} on {@code table}, empty without either
   */
  private static List<String> newest(Connection c, String sql, Optional<String> table)
      throws SQLException {
    List<String> row = new ArrayList<>();
    if (table.isEmpty()) {
      return row;
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(String.format(sql, table.get()))) {
      if (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(rs.getString(i));
        }
      }
    }
    return row;
  }

  /** The exact lower-case name if the database has it, else the first other spelling. */
  private static Optional<String> byName(
      Connection c, String sql, String name, UnaryOperator<String> quote) throws SQLException {
    List<String> found = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setString(1, name);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    }
    String pick = found.contains(name) ? name : found.isEmpty() ? null : found.get(0);
    return Optional.ofNullable(pick).map(quote);
  }
}

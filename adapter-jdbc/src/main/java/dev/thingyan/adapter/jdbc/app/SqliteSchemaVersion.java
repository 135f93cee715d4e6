package dev.thingyan.adapter.jdbc.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the newest entry of a Laravel-style {@code migrations} table, if the app has one. */
final class SqliteSchemaVersion {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteSchemaVersion.class);

  private final Path database;

  SqliteSchemaVersion(Path database) {
    this.database = database;
  }

  Optional<String> read() {
    try (Connection c = SqliteFiles.open(database, true);
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT 1 FROM sqlite_master WHERE type = 'table'" + " AND name = 'migrations'")) {
        if (!rs.next()) {
          return Optional.empty();
        }
      }
      try (ResultSet rs =
          s.executeQuery("SELECT migration FROM migrations ORDER BY id DESC LIMIT 1")) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      // a backup without a schema version is still a backup; say so and carry on
      LOG.warn("could not read the schema version of {}: {}", database, e.getMessage());
      return Optional.empty();
    }
  }
}

package dev.thingyan.adapter.jdbc.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the app's schema version ({@link AppSchemaVersion}) from a SQLite file, read-only. */
final class SqliteSchemaVersion {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteSchemaVersion.class);

  private final Path database;

  SqliteSchemaVersion(Path database) {
    this.database = database;
  }

  Optional<String> read() {
    try (Connection c = SqliteFiles.open(database, true)) {
      return AppSchemaVersion.read(c, AppSchemaVersion.SQLITE);
    } catch (SQLException e) {
      // a backup without a schema version is still a backup; say so and carry on
      LOG.warn("could not read the schema version of {}: {}", database, e.getMessage());
      return Optional.empty();
    }
  }
}

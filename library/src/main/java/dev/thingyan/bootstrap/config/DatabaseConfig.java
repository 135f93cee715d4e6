package dev.thingyan.bootstrap.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code database} section: the APP's database, which is backed up before each update, read
 * by the database health check and queried by SQL prechecks.
 *
 * @param url a JDBC URL (postgresql, mariadb, mysql; or sqlite instead of {@code path})
 * @param path the SQLite database file
 */
public record DatabaseConfig(Engine engine, Optional<String> url, Optional<Path> path,
    Optional<String> user, Optional<Secret> password) {

  public DatabaseConfig {
    Objects.requireNonNull(engine, "database.engine");
    Objects.requireNonNull(url, "database.url");
    Objects.requireNonNull(path, "database.path");
    Objects.requireNonNull(user, "database.user");
    Objects.requireNonNull(password, "database.password_file");
    if (engine == Engine.SQLITE && path.isEmpty() && url.isEmpty()) {
      throw new IllegalArgumentException("database.path: missing; the SQLite database file,"
          + " e.g. /srv/pms/shared/database/database.sqlite");
    }
    if (engine != Engine.SQLITE && url.isEmpty()) {
      throw new IllegalArgumentException("database.url: missing; the JDBC URL of the app database,"
          + " e.g. jdbc:" + engine.key() + "://127.0.0.1/pms");
    }
    if (url.isPresent() && !url.get().startsWith("jdbc:")) {
      throw new IllegalArgumentException("database.url: '" + url.get()
          + "' is not a JDBC URL; expected e.g. jdbc:postgresql://127.0.0.1/pms");
    }
  }

  /** @return the JDBC URL, derived from {@code path} for SQLite. */
  public String jdbcUrl() {
    return url.orElseGet(() -> "jdbc:sqlite:" + path.orElseThrow());
  }

  /** {@code database.engine}. */
  public enum Engine {
    SQLITE,
    POSTGRESQL,
    MARIADB,
    MYSQL;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Engine> fromKey(String key) {
      return Arrays.stream(values()).filter(e -> e.key().equals(key)).findFirst();
    }
  }
}

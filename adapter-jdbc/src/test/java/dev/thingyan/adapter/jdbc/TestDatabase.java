package dev.thingyan.adapter.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** A fresh, empty database for one test class on a real server (or an H2 file), dropped after. */
public record TestDatabase(String engine, ConnectionSettings settings, Runnable dropper)
    implements AutoCloseable {

  private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final String MARIADB_ADMIN = "jdbc:mariadb://127.0.0.1:3306/";

  public static TestDatabase postgres() {
    String name = freshName();
    exec(PG_ADMIN, "postgres", "CREATE DATABASE " + name + " ENCODING 'UTF8'");
    return new TestDatabase(
        "postgresql",
        new ConnectionSettings("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", ""),
        () -> exec(PG_ADMIN, "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
  }

  /** A latin1 database, as older MySQL servers make by default: the journal must cope. */
  public static TestDatabase mariadb() {
    String name = freshName();
    exec(MARIADB_ADMIN, "root", "CREATE DATABASE " + name + " CHARACTER SET latin1");
    return new TestDatabase(
        "mariadb",
        new ConnectionSettings(MARIADB_ADMIN + name, "root", ""),
        () -> exec(MARIADB_ADMIN, "root", "DROP DATABASE IF EXISTS " + name));
  }

  public static TestDatabase h2File() {
    try {
      Path dir = Files.createTempDirectory("thingyan-h2-");
      return new TestDatabase(
          "h2",
          new ConnectionSettings(DataSources.h2FileUrl(dir), "sa", ""),
          () -> deleteTree(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String freshName() {
    return "thingyan_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static void exec(String url, String user, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database setup failed: " + sql, e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    dropper.run();
  }
}

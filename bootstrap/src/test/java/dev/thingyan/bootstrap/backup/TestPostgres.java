package dev.thingyan.bootstrap.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A database of its own on the local PostgreSQL server (127.0.0.1:5432, {@code postgres}, trust)
 * for one test: created by {@link #create}, dropped (connections and all) by {@link #drop}.
 */
public final class TestPostgres {

  private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private final String name;

  private TestPostgres(String name) {
    this.name = name;
  }

  /** @param prefix the start of the database's name, e.g. {@code thingyan_manual} */
  public static TestPostgres create(String prefix) throws SQLException {
    TestPostgres db = new TestPostgres(prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    db.admin("CREATE DATABASE " + db.name);
    return db;
  }

  public String name() {
    return name;
  }

  public String url() {
    return "jdbc:postgresql://127.0.0.1:5432/" + name;
  }

  /** Runs each statement in this database. */
  public void sql(String... statements) throws SQLException {
    run(url(), statements);
  }

  /** Runs each statement in the server's {@code postgres} database (CREATE / ALTER DATABASE). */
  public void admin(String... statements) throws SQLException {
    run(ADMIN, statements);
  }

  /** @return the first column of every row of {@code query} */
  public List<String> rows(String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url(), "postgres", "");
        ResultSet r = c.createStatement().executeQuery(query)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  public void drop() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void run(String url, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      for (String s : statements) {
        c.createStatement().execute(s);
      }
    }
  }
}

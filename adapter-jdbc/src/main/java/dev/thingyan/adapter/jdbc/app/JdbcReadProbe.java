package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.out.Probe;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A health check that the app's database answers a read: a connection, then a query (by default
 * {@code SELECT 1}) within a deadline. Any row, or none, is a successful read.
 */
public final class JdbcReadProbe implements Probe {

  public static final String DEFAULT_QUERY = "SELECT 1";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final String name;
  private final DataSource dataSource;
  private final String query;
  private final Duration timeout;

  /** A probe named {@code database read} running {@code SELECT 1} within 5 s. */
  public JdbcReadProbe(DataSource dataSource) {
    this("database read", dataSource, DEFAULT_QUERY, DEFAULT_TIMEOUT);
  }

  public JdbcReadProbe(String name, DataSource dataSource, String query, Duration timeout) {
    this.name = Objects.requireNonNull(name, "name");
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.query = Objects.requireNonNull(query, "query");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (query.isBlank()) {
      throw new IllegalArgumentException("query: a read probe needs a query, e.g. SELECT 1");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: must be positive, got " + timeout);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ProbeResult probe(ProbeContext context) {
    return BoundedCall.run(name, timeout, this::read);
  }

  private ProbeResult read() throws Exception {
    long start = System.nanoTime();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.setQueryTimeout(BoundedCall.querySeconds(timeout));
      s.setMaxRows(1);
      try (ResultSet rs = s.executeQuery(query)) {
        rs.next();
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    return ProbeResult.ok(name + ": answered in " + ms + " ms");
  }
}

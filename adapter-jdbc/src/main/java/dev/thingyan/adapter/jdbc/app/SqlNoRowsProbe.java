package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.out.Probe;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * An app precheck: a query that must return no rows, e.g. open folios or a check-in in progress.
 * When rows exist the detail counts them and shows the first one, so the admin sees what blocks.
 * Select identifying columns without personal data (a folio number, a room), not guest names.
 */
public final class SqlNoRowsProbe implements Probe {

  /** Counting stops here; a precheck only needs to know that rows exist and roughly how many. */
  static final int MAX_COUNTED = 1000;

  private static final int MAX_VALUE_CHARS = 40;
  private static final int MAX_SUMMARY_CHARS = 200;

  private final String name;
  private final DataSource dataSource;
  private final String sql;
  private final Duration timeout;

  public SqlNoRowsProbe(String name, DataSource dataSource, String sql, Duration timeout) {
    this.name = Objects.requireNonNull(name, "name");
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.sql = Objects.requireNonNull(sql, "sql");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (name.isBlank() || sql.isBlank()) {
      throw new IllegalArgumentException(
          "name and sql: a precheck needs both, e.g. open_folios"
              + " and SELECT id FROM folios WHERE closed_at IS NULL");
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
    return BoundedCall.run(name, timeout, this::query);
  }

  private ProbeResult query() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.setQueryTimeout(BoundedCall.querySeconds(timeout));
      s.setMaxRows(MAX_COUNTED + 1);
      try (ResultSet rs = s.executeQuery(sql)) {
        if (!rs.next()) {
          return ProbeResult.ok(name + ": no rows");
        }
        String first = summarise(rs);
        int count = 1;
        while (count <= MAX_COUNTED && rs.next()) {
          count++;
        }
        String rows = count > MAX_COUNTED ? "more than " + MAX_COUNTED : Integer.toString(count);
        return ProbeResult.failed(name + ": " + rows + " row(s), e.g. " + first);
      }
    }
  }

  /**
   * @return the current row as {@code column=value, ...}, each value and the whole cut short.
   */
  private static String summarise(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      if (i > 1) {
        out.append(", ");
      }
      out.append(meta.getColumnLabel(i)).append('=').append(cut(rs.getString(i), MAX_VALUE_CHARS));
    }
    return cut(out.toString(), MAX_SUMMARY_CHARS);
  }

  private static String cut(String s, int max) {
    if (s == null) {
      return "null";
    }
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1;
    // never leave half a surrogate pair (Burmese text is fine, but emoji are pairs)
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "…";
  }
}

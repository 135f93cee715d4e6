package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/** What the contract tests need from the database they run on. */
interface JournalFixture {

  JournalDatabase journal();

  TestClock clock();

  DataSource dataSource();

  ConnectionSettings settings();

  /** Runs SQL behind the adapters' backs, as an intruder or a broken tool would. */
  default int executeRaw(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  /** The journal keeps milliseconds. */
  static Instant millis(Instant t) {
    return t.truncatedTo(ChronoUnit.MILLIS);
  }
}

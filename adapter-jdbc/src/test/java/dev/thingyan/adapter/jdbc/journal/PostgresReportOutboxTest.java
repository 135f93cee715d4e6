package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.adapter.jdbc.TestDatabase;

/** The report outbox contract on a PostgreSQL on 127.0.0.1:5432. */
class PostgresReportOutboxTest extends ReportOutboxContractTest {
  @Override
  protected TestDatabase createDatabase() {
    return TestDatabase.postgres();
  }
}

package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.adapter.jdbc.TestDatabase;

/** The report outbox contract on a (latin1) MariaDB on 127.0.0.1:3306. */
class MariaDbReportOutboxTest extends ReportOutboxContractTest {
  @Override
  protected TestDatabase createDatabase() {
    return TestDatabase.mariadb();
  }
}

package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.adapter.jdbc.TestDatabase;

/** The report outbox contract on a H2 file database. */
class H2ReportOutboxTest extends ReportOutboxContractTest {
  @Override
  protected TestDatabase createDatabase() {
    return TestDatabase.h2File();
  }
}

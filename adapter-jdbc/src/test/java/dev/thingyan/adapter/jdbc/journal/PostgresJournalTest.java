package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.adapter.jdbc.TestDatabase;

/** The journal contract on a PostgreSQL 15 on 127.0.0.1:5432. */
class PostgresJournalTest extends JournalContractTest {
  @Override
  protected TestDatabase createDatabase() {
    return TestDatabase.postgres();
  }
}

package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.adapter.jdbc.TestDatabase;

/** The journal contract on a MariaDB on 127.0.0.1:3306. */
class MariaDbJournalTest extends JournalContractTest {
  @Override
  protected TestDatabase createDatabase() {
    return TestDatabase.mariadb();
  }
}

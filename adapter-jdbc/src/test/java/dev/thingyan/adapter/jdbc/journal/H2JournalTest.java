package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.adapter.jdbc.TestDatabase;

/** The journal contract on a H2 file database. */
class H2JournalTest extends JournalContractTest {
  @Override
  protected TestDatabase createDatabase() {
    return TestDatabase.h2File();
  }
}

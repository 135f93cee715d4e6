package dev.thingyan.adapter.jdbc.journal;

import com.zaxxer.hikari.HikariDataSource;
import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.adapter.jdbc.TestDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The journal database's contract (run journal, lock, backup catalog, audit trail, report outbox),
 * run against each supported engine by a subclass that makes a fresh database for it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JournalContractTest
    implements RunJournalContract,
        RunLogContract,
        RunLockContract,
        BackupCatalogContract,
        AuditTrailContract,
        OutboxQueueContract,
        IssueFoldContract,
        IssueMapContract,
        OutboxDeliveryContract {

  private final TestClock clock = new TestClock();
  private TestDatabase database;
  private HikariDataSource dataSource;
  private JournalDatabase journal;

  /**
   * @return an empty database that {@link TestDatabase#close()} drops.
   */
  protected abstract TestDatabase createDatabase();

  @BeforeAll
  void openJournal() {
    database = createDatabase();
    dataSource = DataSources.journalPool(database.settings());
    journal = JournalDatabase.open(dataSource, clock);
    // a second open finds the schema current and changes nothing
    JournalDatabase.open(dataSource, clock);
  }

  @AfterAll
  void dropDatabase() {
    if (dataSource != null) {
      dataSource.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @BeforeEach
  void emptyTables() throws SQLException {
    for (String table :
        new String[] {
          "thingyan_run_event",
          "thingyan_run_step",
          "thingyan_run",
          "thingyan_backup",
          "thingyan_audit",
          "thingyan_report_outbox",
          "thingyan_report_issue",
          "thingyan_report_delivery"
        }) {
      executeRaw("DELETE FROM " + table);
    }
    executeRaw("INSERT INTO thingyan_report_delivery (id, failures) VALUES (1, 0)");
    executeRaw("UPDATE thingyan_report_lease SET holder = NULL, expires_at = NULL");
    executeRaw(
        "UPDATE thingyan_run_lock SET pid = NULL, host_name = NULL, boot_id = NULL,"
            + " acquired_at = NULL, lease_until = NULL");
    clock.reset();
  }

  @Override
  public JournalDatabase journal() {
    return journal;
  }

  @Override
  public TestClock clock() {
    return clock;
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public ConnectionSettings settings() {
    return database.settings();
  }
}

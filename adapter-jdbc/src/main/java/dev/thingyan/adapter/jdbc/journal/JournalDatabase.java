package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.BackupCatalog;
import dev.thingyan.ports.out.ReportOutbox;
import dev.thingyan.ports.out.RunJournal;
import dev.thingyan.ports.out.RunListener;
import dev.thingyan.ports.out.RunLock;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.StatementExceptions.MessageRendering;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal database: opening it brings its schema up to date (Liquibase), then it hands out the
 * adapters that live in it. Works on H2, PostgreSQL and MariaDB/MySQL (utf8mb4). The caller owns
 * the data source and closes it.
 */
public final class JournalDatabase {

  private static final Logger LOG = LoggerFactory.getLogger(JournalDatabase.class);

  private final Jdbi jdbi;
  private final Clock clock;
  private final JdbiRunLock runLock;
  private final JdbiBackupCatalog backupCatalog;
  private final JdbiAuditTrail auditTrail;
  private final JdbiReportOutbox reportOutbox;

  private JournalDatabase(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.runLock = new JdbiRunLock(jdbi);
    this.backupCatalog = new JdbiBackupCatalog(jdbi);
    this.auditTrail = new JdbiAuditTrail(jdbi);
    this.reportOutbox = new JdbiReportOutbox(jdbi);
  }

  /** Opens the journal with the system UTC clock. */
  public static JournalDatabase open(DataSource dataSource) {
    return open(dataSource, Clock.systemUTC());
  }

  /**
   * Creates or upgrades the journal's tables, then returns the journal.
   *
   * @throws JournalUnavailableException when the database cannot be reached or upgraded
   */
  public static JournalDatabase open(DataSource dataSource, Clock clock) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(clock, "clock");
    try {
      JournalSchema.update(dataSource);
    } catch (Exception e) {
      throw new JournalUnavailableException(
          "the journal database could not be prepared ("
              + rootMessage(e)
              + "); check that the database is running, reachable and that its user"
              + " may create tables",
          e);
    }
    LOG.debug("journal schema is up to date");
    JournalFiles.restrict(dataSource);
    Jdbi jdbi = Jdbi.create(dataSource);
    // errors name the statement but not its arguments: a 16k hook output line has no place there
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(MessageRendering.SHORT_STATEMENT);
    return new JournalDatabase(jdbi, clock);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return ConnectionSettings.redact(root.getClass().getSimpleName() + ": " + root.getMessage());
  }

  /**
   * @return a run journal that tells {@code listener} of each event once it is committed.
   */
  public RunJournal runJournal(RunListener listener) {
    return new JdbiRunJournal(jdbi, clock, listener);
  }

  public RunJournal runJournal() {
    return runJournal(RunListener.NONE);
  }

  /**
   * @return the lock row named {@code journal}.
   */
  public RunLock runLock() {
    return runLock;
  }

  public BackupCatalog backupCatalog() {
    return backupCatalog;
  }

  /**
   * @return the audit trail, with its chain check {@link JdbiAuditTrail#verifyChain()}.
   */
  public JdbiAuditTrail auditTrail() {
    return auditTrail;
  }

  /**
   * @return the error-report outbox and the fingerprint → issue map.
   */
  public ReportOutbox reportOutbox() {
    return reportOutbox;
  }
}

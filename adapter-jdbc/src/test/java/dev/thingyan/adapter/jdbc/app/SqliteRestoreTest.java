package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore while the app still holds the database open, as its queue workers do. */
class SqliteRestoreTest {

  private static final String FOLIOS = "SELECT id, room, guest, closed_at FROM folios ORDER BY id";
  private static final String LOYALTY =
      "SELECT name FROM sqlite_master WHERE name = 'loyalty_points'";

  @TempDir Path app;
  @TempDir Path scratch;
  private Path db;
  private SqliteDumper dumper;

  @BeforeEach
  void createDatabase() throws Exception {
    db = app.resolve("database.sqlite");
    SqliteFixture.createPms(db);
    dumper = new SqliteDumper(db, scratch);
  }

  private byte[] dump() {
    return TestDumps.of(dumper);
  }

  private static void write(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  void aConnectionTheAppKeptOpenSeesTheRestoredDatabaseAndWhatItWritesIsKept() throws Exception {
    byte[] dump = dump();
    List<String> before = SqliteFixture.rows(db, FOLIOS);
    try (Connection worker = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      assertThat(SqliteFixture.rows(worker, FOLIOS)).isEqualTo(before);
      write(worker, "CREATE TABLE loyalty_points (id INTEGER PRIMARY KEY, points INT)");
      write(worker, "INSERT INTO folios (room, guest) VALUES ('201', 'booked during the update')");

      dumper.restore(new ByteArrayInputStream(dump), ProgressSink.NONE);

      assertThat(SqliteFixture.rows(worker, LOYALTY)).isEmpty();
      assertThat(SqliteFixture.rows(worker, FOLIOS)).isEqualTo(before);
      write(worker, "INSERT INTO folios (room, guest) VALUES ('301', 'booked after the restore')");
    }
    assertThat(SqliteFixture.rows(db, FOLIOS))
        .hasSize(3)
        .startsWith(before.toArray(String[]::new))
        .last()
        .asString()
        .endsWith("|301|booked after the restore|null");
    assertThat(SqliteFixture.rows(db, LOYALTY)).isEmpty();
    assertThat(scratch).isEmptyDirectory();
  }

  @Test
  void aWalDatabaseStaysInWalMode() throws Exception {
    byte[] dump = dump();
    assertThat(dump[18]).as("VACUUM INTO writes a rollback-journal header").isEqualTo((byte) 1);

    dumper.restore(new ByteArrayInputStream(dump), ProgressSink.NONE);

    assertThat(SqliteFixture.rows(db, "PRAGMA journal_mode")).containsExactly("wal");
    byte[] header = Files.readAllBytes(db);
    assertThat(new byte[] {header[18], header[19]}).containsExactly(2, 2);
  }

  @Test
  void aRollbackJournalDatabaseStaysSoEvenFromAWalFile() throws Exception {
    SqliteFixture.exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    byte[] walFile = Files.readAllBytes(db);
    assertThat(walFile[18]).isEqualTo((byte) 2);
    SqliteFixture.exec(db, "PRAGMA journal_mode=DELETE");
    SqliteFixture.exec(db, "CREATE TABLE loyalty_points (id INTEGER PRIMARY KEY)");

    dumper.restore(new ByteArrayInputStream(walFile), ProgressSink.NONE);

    assertThat(SqliteFixture.rows(db, "PRAGMA journal_mode")).containsExactly("delete");
    assertThat(SqliteFixture.rows(db, LOYALTY)).isEmpty();
  }

  @Test
  void aDumpWithAnotherPageSizeRestoresIntoAWalDatabase() throws Exception {
    List<String> before = SqliteFixture.rows(db, FOLIOS);
    byte[] dump = dump();
    SqliteFixture.exec(db, "PRAGMA journal_mode=DELETE");
    SqliteFixture.exec(db, "PRAGMA page_size=8192", "VACUUM");
    SqliteFixture.exec(db, "PRAGMA journal_mode=WAL");
    SqliteFixture.exec(db, "CREATE TABLE loyalty_points (id INTEGER PRIMARY KEY)", "DELETE FROM folios");
    assertThat(SqliteFixture.rows(db, "PRAGMA page_size")).containsExactly("8192");

    dumper.restore(new ByteArrayInputStream(dump), ProgressSink.NONE);

    assertThat(SqliteFixture.rows(db, FOLIOS)).isEqualTo(before);
    assertThat(SqliteFixture.rows(db, LOYALTY)).isEmpty();
    assertThat(SqliteFixture.rows(db, "PRAGMA journal_mode")).containsExactly("wal");
    assertThat(SqliteFixture.rows(db, "PRAGMA integrity_check")).containsExactly("ok");
  }

  @Test
  void aDatabaseAWorkerKeepsLockedIsLeftAsItWasAndTheAdminToldToStopTheWorkers()
      throws Exception {
    byte[] dump = dump();
    SqliteFixture.exec(db, "CREATE TABLE loyalty_points (id INTEGER PRIMARY KEY)");
    SqliteRestore restore =
        new SqliteRestore(db, new SqliteScratch(scratch), Duration.ofMillis(300));
    try (Connection worker = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      worker.setAutoCommit(false);
      write(worker, "INSERT INTO folios (room, guest) VALUES ('301', 'a worker mid-transaction')");
      long start = System.nanoTime();

      assertThatThrownBy(() -> restore.restore(new ByteArrayInputStream(dump), ProgressSink.NONE))
          .isInstanceOf(BackupException.class)
          .hasMessageContaining(db.toString())
          .hasMessageContaining("locked")
          .hasMessageContaining("left as it was")
          .hasMessageContaining("Stop the app's queue workers");

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      worker.commit();
    }
    assertThat(SqliteFixture.rows(db, LOYALTY)).containsExactly("loyalty_points");
    assertThat(SqliteFixture.rows(db, FOLIOS)).hasSize(3);
    assertThat(scratch).isEmptyDirectory();
  }

  @Test
  void aDatabaseThatIsNoLongerSqliteIsMovedAsideAndRestored() throws Exception {
    List<String> before = SqliteFixture.rows(db, FOLIOS);
    byte[] dump = dump();
    SqliteFixture.exec(db, "PRAGMA journal_mode=DELETE");
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-rw----"));
    byte[] garbage = "not a database any more ".repeat(500).getBytes();
    Files.write(db, garbage);

    dumper.restore(new ByteArrayInputStream(dump), ProgressSink.NONE);

    assertThat(SqliteFixture.rows(db, FOLIOS)).isEqualTo(before);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db)))
        .isEqualTo("rw-rw----");
    try (var left = Files.list(app)) {
      Path aside =
          left.filter(p -> p.getFileName().toString().startsWith("database.sqlite.unreadable-"))
              .findFirst()
              .orElseThrow();
      assertThat(aside).hasBinaryContent(garbage);
    }
  }
}

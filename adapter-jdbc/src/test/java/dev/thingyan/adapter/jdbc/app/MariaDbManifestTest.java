package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rich MariaDB database (FLOAT/DOUBLE edges, system versioning, a sequence, invisible columns,
 * triggers with FOLLOWS, a DEFINER routine a view calls, an event) backed up, changed by a
 * migration touching every kind, restored: its manifest and a mariadb-dump of it equal what they
 * were. A backup whose content does not match its manifest is refused with nothing changed.
 */
class MariaDbManifestTest {

  private MariaDbFixture db;
  private MariaDbDumper root;

  @BeforeEach
  void createDatabase() {
    db = new MariaDbFixture("bk_");
    db.createPms();
    db.exec(
        "CREATE TABLE gauges (id int PRIMARY KEY, f float, d double, secret int INVISIBLE DEFAULT 7)",
        "INSERT INTO gauges (id, f, d, secret) VALUES (1, 16777216, 4.9e-324, 1), (2, 1/7, 1e308, 2)",
        "CREATE TABLE rates (id int PRIMARY KEY, amount decimal(8,2)) WITH SYSTEM VERSIONING",
        "INSERT INTO rates VALUES (1, 10)",
        "UPDATE rates SET amount = 12 WHERE id = 1",
        "CREATE SEQUENCE invoice_numbers START WITH 500",
        "SELECT NEXTVAL(invoice_numbers)",
        "CREATE TRIGGER folios_second BEFORE UPDATE ON folios FOR EACH ROW FOLLOWS folios_bump"
            + " SET NEW.updated = NEW.updated + 10",
        "CREATE VIEW counted AS SELECT folio_count() AS n");
    root = new MariaDbDumper(new ConnectionSettings(MariaDbFixture.ADMIN + db.name, "root", ""));
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private Map<String, String> manifest() throws Exception {
    try (Connection c = DriverManager.getConnection(MariaDbFixture.ADMIN + db.name, "root", "")) {
      return MariaDbManifest.take(c, db.name);
    }
  }

  private String mariadbDump() throws Exception {
    Process p = new ProcessBuilder("mariadb-dump", "--no-defaults", "-uroot", "-h127.0.0.1",
        "--skip-comments", "--routines", "--events", "--triggers", "--hex-blob", "--dump-history",
        db.name).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(text).isZero();
    return text;
  }

  /** A migration that touches every kind of object the fixture has. */
  private void migrateEverything() {
    db.exec(
        "UPDATE gauges SET f = 1, d = 2",
        "ALTER TABLE gauges ADD COLUMN g float, ALTER secret SET DEFAULT 8",
        "UPDATE rates SET amount = 99",
        "DELETE FROM rates",
        "SELECT NEXTVAL(invoice_numbers)",
        "ALTER SEQUENCE invoice_numbers INCREMENT BY 5",
        "DROP TRIGGER folios_second",
        "CREATE TRIGGER folios_third AFTER INSERT ON folios FOR EACH ROW SET @x = 1",
        "DROP VIEW counted",
        "CREATE OR REPLACE VIEW open_folios AS SELECT id FROM folios",
        "DROP FUNCTION folio_count",
        "CREATE FUNCTION folio_count() RETURNS INT RETURN 0",
        "ALTER EVENT nightly ENABLE",
        "CREATE EVENT hourly ON SCHEDULE EVERY 1 HOUR DISABLE DO SELECT 1",
        "CREATE INDEX folios_guest ON folios (guest(10))",
        "INSERT INTO folios (room) VALUES ('999')",
        "CREATE TABLE added (id int)");
  }

  @Test
  void backupMigrationRestoreLeavesTheManifestAndTheDumpAsTheyWere() throws Exception {
    Map<String, String> manifest = manifest();
    String dump = mariadbDump();
    DumpStreams.Compressed store = new DumpStreams.Compressed();
    root.dump(store.stored, ProgressSink.NONE, new DumpStreams.GzipProgram());
    String stored = new String(store.reader().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(stored).contains(MariaDbManifest.LINE + "table gauges=BASE TABLE InnoDB rows=2 checksum=")
        .contains(MariaDbManifest.LINE + "trigger folios_second=folios|BEFORE|UPDATE|2|");
    migrateEverything();
    assertThat(MariaDbManifest.differences(manifest, manifest())).hasSizeGreaterThan(10);
    assertThat(root.verifyRestore(store.reader(), ProgressSink.NONE)).endsWith("as its manifest records");

    root.restore(store.reader(), ProgressSink.NONE);

    assertThat(MariaDbManifest.differences(manifest, manifest())).isEmpty();
    assertThat(mariadbDump()).isEqualTo(dump);
  }

  @Test
  void aBackupWhoseRowsDoNotMatchItsManifestIsRefusedAndNothingChanges() throws Exception {
    DumpStreams.Compressed store = new DumpStreams.Compressed();
    try (OutputStream out = store.writer()) {
      root.dump(out, ProgressSink.NONE);
    }
    // a row lost between the dump and the manifest, as a faulty restore path would lose it
    DumpStreams.Compressed bad = store.tampered("('2025-04-01',1234.50)", "('2025-04-02',1234.50)");
    migrateEverything();
    Map<String, String> migrated = manifest();

    assertThatThrownBy(() -> root.restore(bad.reader(), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("does not load as it was taken")
        .hasMessageContaining("table reports is BASE TABLE InnoDB rows=1 checksum=")
        .hasMessageContaining("is as it was");
    assertThat(manifest()).isEqualTo(migrated);
    assertThatThrownBy(() -> root.verifyRestore(bad.reader(), ProgressSink.NONE))
        .hasMessageContaining("table reports");
    assertThat(MariaDbFixture.databases("thingyan\\_restore\\_%")).isEmpty();
  }

  /**
   * A failed restore that dropped a function leaves a view naming it: mariadb-dump alone fails on
   * it, so no backup, the safety backup included, could be taken until someone dropped it by hand.
   */
  @Test
  void aDatabaseWithAnInvalidViewIsBackedUpAndRestoredWithoutIt() throws Exception {
    db.exec("DROP FUNCTION folio_count");
    Map<String, String> manifest = manifest();
    DumpStreams.Compressed store = new DumpStreams.Compressed();
    root.dump(store.stored, ProgressSink.NONE, new DumpStreams.GzipProgram());
    assertThat(store.text()).contains(MariaDbInvalidViews.LINE + "counted (invalid, not restored):"
        + " CREATE ALGORITHM=UNDEFINED");
    db.exec("CREATE FUNCTION folio_count() RETURNS INT RETURN 0",
        "INSERT INTO folios (room) VALUES ('999')", "CREATE TABLE added (id int)");

    root.restore(store.reader(), ProgressSink.NONE);

    assertThat(MariaDbManifest.differences(manifest, manifest()))
        .containsExactly("view counted is missing");
    assertThat(db.rows("SELECT count(*) FROM folios")).containsExactly("3");
  }

  @Test
  void whatChangedWhileTheBackupRanIsMarkedAndNotCompared() {
    Map<String, String> before = Map.of("table a", "BASE TABLE InnoDB rows=1 checksum=5",
        "table b", "BASE TABLE InnoDB rows=1 checksum=6", "sequence s", "1,1");
    Map<String, String> after = Map.of("table a", "BASE TABLE InnoDB rows=2 checksum=9",
        "table b", "BASE TABLE InnoDB rows=1 checksum=6", "sequence s", "2,1");
    Map<String, String> stable = MariaDbManifest.stable(before, after);
    assertThat(stable).containsEntry("table a", "BASE TABLE InnoDB " + MariaDbManifest.CHANGED)
        .containsEntry("table b", "BASE TABLE InnoDB rows=1 checksum=6")
        .containsEntry("sequence s", MariaDbManifest.CHANGED);
    assertThat(MariaDbManifest.differences(stable, after)).isEmpty();
    assertThat(MariaDbManifest.differences(stable, Map.of("table a", "VIEW", "table b",
        "BASE TABLE InnoDB rows=0 checksum=0", "sequence s", "x", "table c", "x")))
        .containsExactly("table a is VIEW, not BASE TABLE InnoDB " + MariaDbManifest.CHANGED,
            "table b is BASE TABLE InnoDB rows=0 checksum=0, not BASE TABLE InnoDB rows=1 checksum=6",
            "table c is there but not in the backup");
  }
}

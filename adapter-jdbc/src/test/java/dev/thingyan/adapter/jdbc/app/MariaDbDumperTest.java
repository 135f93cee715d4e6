package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MariaDB dumper against the real server on 127.0.0.1:3306, as users without SUPER. */
class MariaDbDumperTest {

  private MariaDbFixture db;
  private MariaDbDumper dumper;

  @BeforeEach
  void createDatabase() {
    db = new MariaDbFixture();
    db.createPms();
    dumper = new MariaDbDumper(db.settings);
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private byte[] dump() {
    return TestDumps.of(dumper);
  }

  private void migrate() {
    db.exec(
        "CREATE TABLE loyalty_points (id int AUTO_INCREMENT PRIMARY KEY, points int)",
        "ALTER TABLE folios ADD COLUMN vip boolean DEFAULT false",
        "UPDATE folios SET closed_at = NULL, guest = 'changed' WHERE room = '101'",
        "DELETE FROM folios WHERE room = '102'",
        "INSERT INTO folios (room, guest) VALUES ('201', 'booked during the update')",
        "CREATE PROCEDURE added_later() SELECT 1",
        "CREATE VIEW added_view AS SELECT 1 AS one",
        "INSERT INTO migrations (migration, batch) VALUES ('2025_04_13_000000_create_loyalty', 2)");
  }

  @Test
  void aRestoreByAnotherUserWithoutSuperLeavesExactlyTheBackupsContent() throws Exception {
    List<String> before = db.snapshot();
    DumpStreams.Compressed store = new DumpStreams.Compressed();
    List<Long> progress = new ArrayList<>();
    try (OutputStream out = store.writer()) {
      dumper.dump(out, progress::add);
    }
    String text = new String(store.reader().readAllBytes(), StandardCharsets.UTF_8);
    // the stored dump is the tool's own: the definers are neutralised when it is loaded
    assertThat(text)
        .startsWith(MariaDbDumpFilter.SANDBOX)
        .contains("DEFINER=`root`")
        .contains("ဦးအောင်မြင့်")
        .contains("-- Dump completed");
    assertThat(progress).isNotEmpty();
    migrate();
    assertThat(dumper.schemaVersion()).contains("2025_04_13_000000_create_loyalty");

    new MariaDbDumper(db.other).restore(store.reader(), ProgressSink.NONE);

    assertThat(db.snapshot()).isEqualTo(before);
    assertThat(dumper.schemaVersion()).contains("2025_03_01_000000_create_folios");
    db.exec("UPDATE folios SET room = '105' WHERE room = '101'"); // the trigger works again
    assertThat(db.rows("SELECT updated FROM folios WHERE room = '105'")).containsExactly("1");
    assertThat(MariaDbFixture.databases("thingyan\\_restore\\_%")).isEmpty();
  }

  @Test
  void aDumpPipedThroughACompressorProgramRestoresWithoutSuper() throws Exception {
    // moved, not reloaded: a second trigger in order, another SQL mode, a view on a view
    db.exec(
        "SET SESSION sql_mode = 'ANSI_QUOTES,NO_ENGINE_SUBSTITUTION'",
        "CREATE TRIGGER folios_second BEFORE UPDATE ON folios FOR EACH ROW FOLLOWS folios_bump"
            + " SET NEW.updated = NEW.updated + 10",
        "CREATE VIEW open_rooms AS SELECT room FROM open_folios",
        "CREATE SEQUENCE invoice_numbers START WITH 500");
    List<String> before = db.snapshot();
    DumpStreams.Compressed store = new DumpStreams.Compressed();
    List<Long> progress = new ArrayList<>();
    dumper.dump(store.stored, progress::add, new DumpStreams.GzipProgram());
    assertThat(progress).isNotEmpty().last().isEqualTo((long) store.stored.size());
    String text = new String(store.reader().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(text).contains("DEFINER=`root`").contains("-- Dump completed");
    migrate();

    new MariaDbDumper(db.other).restore(store.reader(), ProgressSink.NONE);

    assertThat(db.snapshot()).isEqualTo(before);
    db.exec("UPDATE folios SET room = '105' WHERE room = '101'");
    assertThat(db.rows("SELECT updated FROM folios WHERE room = '105'")).containsExactly("11");
    assertThat(db.rows("SELECT NEXTVAL(invoice_numbers)")).containsExactly("500");
    assertThat(MariaDbFixture.databases("thingyan\\_restore\\_%")).isEmpty();
  }

  /**
   * Settings in the user's own option file must not change thingyan's: with {@code skip-comments}
   * the piped dump would be stored without its trailer and never restore, and another user would
   * be refused.
   */
  @Test
  void theUsersOptionFileDoesNotChangeTheDumpOrTheRestore(@TempDir Path home) throws Exception {
    Files.writeString(
        home.resolve(".my.cnf"),
        "[mysqldump]\nskip-comments\n[mariadb-dump]\nskip-comments\n[client]\nuser=nobody_here\n");
    MariaDbDumper withHome =
        new MariaDbDumper(
            db.settings, Optional.empty(), MariaDbLocks.WAIT, Map.of("HOME", home.toString()));
    List<String> before = db.snapshot();
    DumpStreams.Compressed store = new DumpStreams.Compressed();
    withHome.dump(store.stored, ProgressSink.NONE, new DumpStreams.GzipProgram());
    String text = new String(store.reader().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(text).contains("-- Dump completed");
    assertThat(dumpOf(withHome)).contains("-- Dump completed");
    migrate();

    withHome.restore(store.reader(), ProgressSink.NONE);

    assertThat(db.snapshot()).isEqualTo(before);
  }

  private static String dumpOf(MariaDbDumper dumper) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    dumper.dump(out, ProgressSink.NONE);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void inThePipelineAKilledDumperOrCompressorIsAFailedBackup() {
    db.exec(
        "CREATE TABLE bulk (id int PRIMARY KEY, h char(32))",
        "INSERT INTO bulk SELECT seq, md5(seq) FROM seq_1_to_60000");
    PipelineFaults.killedHalfwayIsAFailedBackup(dumper, "mariadb-dump", db.password);
    PipelineFaults.aFailingStoreStopsBoth(dumper, "mariadb-dump");
    PipelineFaults.missingCompressor(dumper)
        .hasMessageContaining("could not start mariadb-dump | gzip");
  }

  @Test
  void aTruncatedBackupChangesNothing() {
    byte[] dump = dump();
    migrate();
    List<String> migrated = db.snapshot();
    String text = new String(dump, StandardCharsets.UTF_8);
    int trailer = text.lastIndexOf("-- Dump completed");
    byte[] noTrailer = text.substring(0, trailer).getBytes(StandardCharsets.UTF_8); // runs cleanly
    for (byte[] truncated : List.of(new byte[0], Arrays.copyOf(dump, dump.length / 2), noTrailer)) {
      assertThatThrownBy(
              () -> dumper.restore(new ByteArrayInputStream(truncated), ProgressSink.NONE))
          .isInstanceOf(BackupException.class)
          .hasMessageContaining("nothing was restored")
          .hasMessageNotContaining(db.password);
      assertThat(db.snapshot()).isEqualTo(migrated);
    }
    assertThat(MariaDbFixture.databases("thingyan\\_restore\\_%")).isEmpty();
  }

  @Test
  void verifyRestoreCountsTablesAndRowsInAScratchDatabaseItDrops() {
    byte[] dump = dump();
    assertThat(dumper.verifyRestore(new ByteArrayInputStream(dump), ProgressSink.NONE))
        .isEqualTo("3 tables, 5 rows");
    byte[] truncated = Arrays.copyOf(dump, dump.length / 2);
    assertThatThrownBy(
            () -> dumper.verifyRestore(new ByteArrayInputStream(truncated), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("ERROR")
        .hasMessageNotContaining("--------------")
        .hasMessageContaining("does not restore");
    assertThat(MariaDbFixture.databases("thingyan\\_verify\\_%")).isEmpty();
  }

  @Test
  void aDumperKilledHalfwayIsAFailedBackupAndTheCommandLineHoldsNoPassword() {
    db.exec(
        "CREATE TABLE bulk (id int PRIMARY KEY, h char(32))",
        "INSERT INTO bulk SELECT seq, md5(seq) FROM seq_1_to_60000");
    List<String> args = new ArrayList<>();
    OutputStream killer =
        DumpStreams.triggerAfter(256 << 10, DumpStreams.kill("mariadb-dump", args));

    assertThatThrownBy(() -> dumper.dump(killer, ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("mariadb-dump was killed")
        .hasMessageContaining("no backup was made");
    assertThat(args).isNotEmpty().noneMatch(a -> a.contains(db.password));
  }

  @Test
  void aStoreThatFailsMidDumpStopsTheDump() {
    db.exec(
        "CREATE TABLE bulk (id int PRIMARY KEY, h char(32))",
        "INSERT INTO bulk SELECT seq, md5(seq) FROM seq_1_to_60000");
    assertThatThrownBy(() -> dumper.dump(DumpStreams.fullAfter(256 << 10), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("No space left on device")
        .hasMessageContaining("the dump was stopped");
    assertThat(DumpStreams.children("mariadb-dump")).isEmpty();
  }

  @Test
  void aMissingToolIsAClearError() {
    MariaDbDumper wrong = new MariaDbDumper(db.settings, Optional.of(Path.of("/nonexistent/bin")));
    assertThatThrownBy(() -> wrong.dump(new ByteArrayOutputStream(), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("mariadb-dump or mysqldump was not found in /nonexistent/bin")
        .hasMessageContaining("mariadb-client");
  }

  @Test
  void aWrongPasswordIsAClearErrorThatShowsNoPasswordAndLeavesNoOptionFile() throws Exception {
    List<Path> optionFiles = optionFiles();
    String wrongPassword = "Wr0ng-" + db.password;
    MariaDbDumper wrong =
        new MariaDbDumper(new ConnectionSettings(db.settings.jdbcUrl(), db.name, wrongPassword));
    assertThatThrownBy(() -> wrong.dump(new ByteArrayOutputStream(), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("Access denied")
        .hasMessageContaining("password are right")
        .hasMessageNotContaining(wrongPassword)
        .hasMessageNotContaining(db.password);
    assertThatThrownBy(() -> wrong.restore(new ByteArrayInputStream(dump()), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageNotContaining(wrongPassword);
    assertThat(optionFiles()).isEqualTo(optionFiles);
  }

  private static List<Path> optionFiles() throws java.io.IOException {
    try (var files = java.nio.file.Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("thingyan-my-")).toList();
    }
  }

  @Test
  void aServerThatIsDownIsAClearError() {
    MariaDbDumper down =
        new MariaDbDumper(
            new ConnectionSettings("jdbc:mariadb://127.0.0.1:1/pms", "pms", db.password));
    assertThatThrownBy(() -> down.dump(new ByteArrayOutputStream(), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("Can't connect")
        .hasMessageContaining("runs at 127.0.0.1:1")
        .hasMessageNotContaining(db.password);
    assertThat(down.schemaVersion()).isEmpty();
  }

  @Test
  void describesItself() {
    assertThat(dumper.engine()).isEqualTo("mariadb");
    assertThat(dumper.databaseName()).isEqualTo(db.name);
    assertThat(dumper.toString()).isEqualTo("mariadb 127.0.0.1:3306/" + db.name);
    assertThat(dumper.schemaVersion()).contains("2025_03_01_000000_create_folios");
    db.exec("DROP TABLE migrations");
    assertThat(dumper.schemaVersion()).isEmpty();
  }
}

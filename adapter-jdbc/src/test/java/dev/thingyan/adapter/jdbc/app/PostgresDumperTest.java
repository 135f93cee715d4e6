package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PostgreSQL dumper against the real server on 127.0.0.1:5432, as a non-superuser owner. */
class PostgresDumperTest {

  private PostgresFixture db;
  private PostgresDumper dumper;

  @BeforeEach
  void createDatabase() {
    db = new PostgresFixture();
    db.createPms();
    dumper = new PostgresDumper(db.settings);
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
        "CREATE TABLE loyalty_points (id serial PRIMARY KEY, points int)",
        "ALTER TABLE folios ADD COLUMN vip boolean DEFAULT false",
        "UPDATE folios SET closed_at = NULL, guest = 'changed' WHERE room = '101'",
        "DELETE FROM folios WHERE room = '102'",
        "INSERT INTO folios (room, guest) VALUES ('201', 'booked during the update')",
        "CREATE SCHEMA added_later",
        "CREATE TABLE added_later.t (i int)",
        "INSERT INTO migrations (migration, batch) VALUES ('2025_04_13_000000_create_loyalty', 2)");
  }

  @Test
  void aRestoreThroughACompressingStoreLeavesExactlyTheBackupsContent() throws Exception {
    List<String> before = db.snapshot();
    DumpStreams.Compressed store = new DumpStreams.Compressed();
    List<Long> progress = new ArrayList<>();
    try (OutputStream out = store.writer()) {
      dumper.dump(out, progress::add);
    }
    assertThat(progress).isNotEmpty().allMatch(n -> n > 0);
    migrate();
    assertThat(dumper.schemaVersion()).contains("2025_04_13_000000_create_loyalty");
    assertThat(db.snapshot()).isNotEqualTo(before);

    dumper.restore(store.reader(), ProgressSink.NONE);

    assertThat(db.snapshot()).isEqualTo(before);
    assertThat(
            db.rows(
                "SELECT count(*) FROM information_schema.tables WHERE table_name ="
                    + " 'loyalty_points'"))
        .containsExactly("0");
    assertThat(dumper.schemaVersion()).contains("2025_03_01_000000_create_folios");
    assertThat(
            db.rows(
                "SELECT nspowner::regrole::text || ' ' || nspacl::text FROM pg_namespace WHERE"
                    + " nspname = 'public'"))
        .containsExactly(
            "pg_database_owner {pg_database_owner=UC/pg_database_owner,=U/pg_database_owner}");
    db.exec("UPDATE folios SET room = '105' WHERE room = '101'"); // the trigger works again
    assertThat(db.rows("SELECT updated FROM folios WHERE room = '105'")).containsExactly("1");
  }

  @Test
  void aDumpPipedThroughACompressorProgramRestoresExactly() {
    List<String> before = db.snapshot();
    DumpStreams.Compressed store = new DumpStreams.Compressed();
    List<Long> progress = new ArrayList<>();
    dumper.dump(store.stored, progress::add, new DumpStreams.GzipProgram());
    assertThat(progress).isNotEmpty().last().isEqualTo((long) store.stored.size());
    migrate();

    dumper.restore(store.reader(), ProgressSink.NONE);

    assertThat(db.snapshot()).isEqualTo(before);
  }

  @Test
  void inThePipelineAKilledDumperOrCompressorIsAFailedBackup() {
    db.exec(
        "CREATE TABLE bulk AS SELECT g AS id, md5(g::text) AS h FROM generate_series(1, 60000) g");
    PipelineFaults.killedHalfwayIsAFailedBackup(dumper, "pg_dump", db.password);
    PipelineFaults.aFailingStoreStopsBoth(dumper, "pg_dump");
  }

  @Test
  void inThePipelineAMissingCompressorOrAFailedDumpIsAClearError() {
    PipelineFaults.missingCompressor(dumper).hasMessageContaining("could not start pg_dump | gzip");
    PostgresDumper down =
        new PostgresDumper(
            new ConnectionSettings("jdbc:postgresql://127.0.0.1:1/pms", "pms", db.password));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> down.dump(out, ProgressSink.NONE, new DumpStreams.GzipProgram()))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("pg_dump failed")
        .hasMessageContaining("runs at 127.0.0.1:1")
        .hasMessageNotContaining("gzip")
        .hasMessageNotContaining(db.password);
  }

  @Test
  void aTruncatedBackupIsRolledBackAndLeavesTheDatabaseAsItWas() {
    byte[] dump = dump();
    migrate();
    List<String> migrated = db.snapshot();
    for (int cut : new int[] {0, dump.length / 2, dump.length - 10}) {
      byte[] truncated = Arrays.copyOf(dump, cut);
      assertThatThrownBy(
              () -> dumper.restore(new ByteArrayInputStream(truncated), ProgressSink.NONE))
          .isInstanceOf(BackupException.class)
          .hasMessageContaining("pg_restore")
          .hasMessageContaining("rolled back")
          .hasMessageNotContaining(db.password);
      assertThat(db.snapshot()).as("after a restore of %d bytes", cut).isEqualTo(migrated);
    }
  }

  @Test
  void verifyRestoreCountsTablesAndRowsInAScratchDatabaseItDrops() {
    byte[] dump = dump();
    String summary = dumper.verifyRestore(new ByteArrayInputStream(dump), ProgressSink.NONE);
    assertThat(summary).isEqualTo("3 tables, 5 rows");
    byte[] truncated = Arrays.copyOf(dump, dump.length / 2);
    assertThatThrownBy(
            () -> dumper.verifyRestore(new ByteArrayInputStream(truncated), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("does not restore");
    assertThat(PostgresFixture.databases("thingyan_verify_%")).isEmpty();
  }

  /** A partitioned table is one table whose rows are its partitions' rows, each counted once. */
  @Test
  void verifyRestoreCountsAPartitionedTableAndAnInheritedOneOnce() {
    db.exec(
        "CREATE TABLE stays (night date NOT NULL, room varchar(10)) PARTITION BY RANGE (night)",
        "CREATE TABLE stays_2024 PARTITION OF stays FOR VALUES FROM ('2024-01-01') TO"
            + " ('2025-01-01')",
        "CREATE TABLE stays_2025 PARTITION OF stays FOR VALUES FROM ('2025-01-01') TO"
            + " ('2026-01-01')",
        "INSERT INTO stays VALUES ('2024-12-31', '101'), ('2025-01-01', '102'),"
            + " ('2025-04-01', '103')",
        "CREATE TABLE notes (body text)",
        "CREATE TABLE folio_notes (folio bigint) INHERITS (notes)",
        "INSERT INTO folio_notes VALUES ('late checkout', 1), ('extra bed', 2)",
        "INSERT INTO notes VALUES ('general')");

    String summary = dumper.verifyRestore(new ByteArrayInputStream(dump()), ProgressSink.NONE);

    // 3 PMS tables with 5 rows, 2 partitions with 3, notes with 1 and folio_notes with 2
    assertThat(summary).isEqualTo("7 tables, 11 rows");
  }

  @Test
  void aDumperKilledHalfwayIsAFailedBackupAndTheCommandLineHoldsNoPassword() {
    db.exec(
        "CREATE TABLE bulk AS SELECT g AS id, md5(g::text) AS h FROM generate_series(1, 60000) g");
    List<String> args = new ArrayList<>();
    OutputStream killer = DumpStreams.triggerAfter(256 << 10, DumpStreams.kill("pg_dump", args));

    assertThatThrownBy(() -> dumper.dump(killer, ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("pg_dump was killed")
        .hasMessageContaining("no backup was made");
    assertThat(args).isNotEmpty().noneMatch(a -> a.contains(db.password));
  }

  @Test
  void aStoreThatFailsMidDumpStopsPgDump() {
    db.exec(
        "CREATE TABLE bulk AS SELECT g AS id, md5(g::text) AS h FROM generate_series(1, 60000) g");
    assertThatThrownBy(() -> dumper.dump(DumpStreams.fullAfter(256 << 10), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("No space left on device")
        .hasMessageContaining("pg_dump was stopped");
    assertThat(DumpStreams.children("pg_dump")).isEmpty();
  }

  /** pg_dump that warns and succeeds: the warning is logged, the backup is good. */
  @Test
  void warningsOfADumpThatSucceededAreLogged(@TempDir Path bin) throws Exception {
    Path pgDump = bin.resolve("pg_dump");
    Files.writeString(
        pgDump,
        "#!/bin/sh\necho 'pg_dump: warning: something a person should see' >&2\n"
            + "exec \"$(command -v pg_dump)\" \"$@\"\n");
    assertThat(pgDump.toFile().setExecutable(true)).isTrue();
    PostgresDumper warned = new PostgresDumper(db.settings, Optional.of(bin));
    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      warned.dump(out, ProgressSink.NONE);
      warned.dump(new ByteArrayOutputStream(), ProgressSink.NONE, new DumpStreams.GzipProgram());
      assertThat(out.size()).isGreaterThan(1000);
    } finally {
      System.setErr(err);
    }
    assertThat(log.toString(StandardCharsets.UTF_8))
        .containsPattern(
            "WARN .*pg_dump of 127.0.0.1:5432/" + db.name + " succeeded with messages: pg_dump:"
                + " warning: something a person should see(?s).*WARN .*pg_dump of");
  }

  @Test
  void aMissingToolIsAClearError() {
    PostgresDumper wrong =
        new PostgresDumper(db.settings, Optional.of(Path.of("/nonexistent/pgbin")));
    assertThatThrownBy(() -> wrong.dump(new ByteArrayOutputStream(), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("pg_dump was not found in /nonexistent/pgbin")
        .hasMessageContaining("postgresql-client");
  }

  @Test
  void anUnknownRoleOrDatabaseIsAClearErrorWithoutThePassword() {
    String secret = "S3cret:with\\odd" + db.password;
    for (ConnectionSettings wrong :
        List.of(
            new ConnectionSettings(db.settings.jdbcUrl(), "thingyan_no_such_role", secret),
            new ConnectionSettings(
                "jdbc:postgresql://127.0.0.1/thingyan_no_such_db", db.name, secret))) {
      assertThatThrownBy(
              () -> new PostgresDumper(wrong).dump(new ByteArrayOutputStream(), ProgressSink.NONE))
          .isInstanceOf(BackupException.class)
          .hasMessageContaining("does not exist")
          .hasMessageContaining("pg_dump failed")
          .hasMessageNotContaining(secret);
    }
  }

  @Test
  void thePasswordReachesTheServerThroughAPrivateFileThatIsDeletedAfterwards() throws Exception {
    String secret = "S3cret:with\\odd*" + db.password;
    List<Path> before = passFiles();
    try (FakePostgresServer server = new FakePostgresServer()) {
      PostgresDumper dumper =
          new PostgresDumper(
              new ConnectionSettings(
                  "jdbc:postgresql://127.0.0.1:" + server.port() + "/pms", "pms", secret));
      assertThatThrownBy(() -> dumper.dump(new ByteArrayOutputStream(), ProgressSink.NONE))
          .isInstanceOf(BackupException.class)
          .hasMessageContaining("login refused")
          .hasMessageNotContaining(secret);
      assertThat(server.passwords).isNotEmpty().allMatch(secret::equals);
    }
    assertThat(passFiles()).isEqualTo(before);
  }

  private static List<Path> passFiles() throws java.io.IOException {
    try (var files = java.nio.file.Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("thingyan-pgpass-")).toList();
    }
  }

  @Test
  void aServerThatIsDownIsAClearError() {
    ConnectionSettings down =
        new ConnectionSettings("jdbc:postgresql://127.0.0.1:1/pms", "pms", db.password);
    PostgresDumper dumper = new PostgresDumper(down);
    assertThatThrownBy(() -> dumper.dump(new ByteArrayOutputStream(), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("Connection refused")
        .hasMessageContaining("runs at 127.0.0.1:1")
        .hasMessageNotContaining(db.password);
    assertThat(dumper.schemaVersion()).isEmpty();
  }

  @Test
  void describesItself() {
    assertThat(dumper.engine()).isEqualTo("postgresql");
    assertThat(dumper.databaseName()).isEqualTo(db.name);
    assertThat(dumper.toString()).isEqualTo("postgresql 127.0.0.1:5432/" + db.name);
    assertThat(dumper.schemaVersion()).contains("2025_03_01_000000_create_folios");
    db.exec("DROP TABLE migrations");
    assertThat(dumper.schemaVersion()).isEmpty();
  }
}

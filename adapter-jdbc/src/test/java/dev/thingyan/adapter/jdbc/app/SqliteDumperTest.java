package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDumperTest {

  private static final String FOLIOS = "SELECT id, room, guest, closed_at FROM folios ORDER BY id";

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

  @Test
  void aRestoreLeavesExactlyTheDumpedContentAndNothingAddedSince() throws Exception {
    List<String> before = SqliteFixture.rows(db, FOLIOS);
    List<Long> progress = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    dumper.dump(out, progress::add);
    byte[] dump = out.toByteArray();
    assertThat(progress).last().isEqualTo((long) dump.length);
    assertThat(scratch).isEmptyDirectory();

    SqliteFixture.exec(
        db,
        "UPDATE folios SET closed_at = NULL WHERE room = '101'",
        "INSERT INTO folios (room, guest) VALUES ('201', 'booked during the update')",
        "CREATE TABLE loyalty_points (id INTEGER PRIMARY KEY, points INT)",
        "INSERT INTO migrations (migration, batch) VALUES ('2025_04_13_000000_create_loyalty', 2)");
    assertThat(dumper.schemaVersion()).contains("2025_04_13_000000_create_loyalty");
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-rw-r--"));

    dumper.restore(new ByteArrayInputStream(dump), ProgressSink.NONE);

    assertThat(SqliteFixture.rows(db, FOLIOS)).isEqualTo(before);
    assertThat(
            SqliteFixture.rows(db, "SELECT name FROM sqlite_master WHERE name = 'loyalty_points'"))
        .isEmpty();
    assertThat(dumper.schemaVersion()).contains("2025_03_01_000000_create_folios");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db)))
        .isEqualTo("rw-rw-r--");
    try (var left = Files.list(app)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .allMatch(n -> n.startsWith("database.sqlite"))
          .noneMatch(n -> n.contains("restore"));
    }
  }

  @Test
  void aSnapshotPipedThroughACompressorProgramRestoresExactly() throws Exception {
    List<String> before = SqliteFixture.rows(db, FOLIOS);
    DumpStreams.Compressed store = new DumpStreams.Compressed();
    List<Long> progress = new ArrayList<>();
    dumper.dump(store.stored, progress::add, new DumpStreams.GzipProgram());
    assertThat(progress).isNotEmpty().last().isEqualTo((long) store.stored.size());
    assertThat(scratch).isEmptyDirectory();
    SqliteFixture.exec(db, "DELETE FROM folios", "CREATE TABLE added_later (i INT)");

    dumper.restore(store.reader(), ProgressSink.NONE);

    assertThat(SqliteFixture.rows(db, FOLIOS)).isEqualTo(before);
    assertThat(SqliteFixture.rows(db, "SELECT name FROM sqlite_master WHERE name = 'added_later'"))
        .isEmpty();
    PipelineFaults.missingCompressor(dumper).hasMessageContaining("could not start gzip");
    assertThat(scratch).isEmptyDirectory();
  }

  @Test
  void aMissingDatabaseIsABackupErrorAndIsNotCreated() {
    Path missing = app.resolve("nope.sqlite");
    SqliteDumper wrong = new SqliteDumper(missing, scratch);
    assertThatThrownBy(() -> wrong.dump(new ByteArrayOutputStream(), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
    assertThat(wrong.schemaVersion()).isEmpty();
    assertThat(missing).doesNotExist();
  }

  @Test
  void aCorruptDatabaseIsNotDumped() throws Exception {
    SqliteFixture.exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    long root =
        Long.parseLong(
            SqliteFixture.rows(db, "SELECT rootpage FROM sqlite_master WHERE name = 'folios'")
                .get(0));
    SqliteFixture.zeroPage(db, root);

    assertThatThrownBy(this::dump)
        .isInstanceOf(BackupException.class)
        .hasMessageContaining(db.toString());
    assertThat(scratch).isEmptyDirectory();
  }

  @Test
  void aDumpThatFailsTheIntegrityCheckIsNotRestored() throws Exception {
    byte[] good = dump();
    Path broken = app.resolve("broken.sqlite");
    Files.write(broken, good);
    long indexRoot =
        Long.parseLong(
            SqliteFixture.rows(
                    broken, "SELECT rootpage FROM sqlite_master WHERE name = 'folios_room'")
                .get(0));
    SqliteFixture.zeroPage(broken, indexRoot);
    List<String> before = SqliteFixture.rows(db, FOLIOS);

    assertThatThrownBy(() -> dumper.restore(Files.newInputStream(broken), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("integrity check")
        .hasMessageContaining("nothing was changed");
    assertThat(SqliteFixture.rows(db, FOLIOS)).isEqualTo(before);
  }

  @Test
  void anEmptyOrForeignDumpIsRefusedAndTheDatabaseKept() throws Exception {
    List<String> before = SqliteFixture.rows(db, FOLIOS);
    assertThatThrownBy(
            () -> dumper.restore(new ByteArrayInputStream(new byte[0]), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("empty");
    byte[] notSqlite = "-- PostgreSQL database dump\nCREATE TABLE x();\n".repeat(200).getBytes();
    assertThatThrownBy(() -> dumper.restore(new ByteArrayInputStream(notSqlite), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("not a SQLite database file");
    assertThat(SqliteFixture.rows(db, FOLIOS)).isEqualTo(before);
    try (var left = Files.list(app)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("restore"));
    }
  }

  @Test
  void describesItselfWithoutSecretsAndReadsNoVersionWithoutMigrations() throws Exception {
    assertThat(dumper.engine()).isEqualTo("sqlite");
    assertThat(dumper.databaseName()).isEqualTo("database.sqlite");
    assertThat(dumper.schemaVersion()).contains("2025_03_01_000000_create_folios");
    SqliteFixture.exec(db, "DROP TABLE migrations");
    assertThat(dumper.schemaVersion()).isEmpty();
  }

  @Test
  void theSnapshotAndTheFolderItIsMadeInAreOwnerOnlyWhileTheDumpRuns() throws Exception {
    Path folder = scratch.resolve("tmp"); // a first run: the folder does not exist yet
    SqliteDumper fresh = new SqliteDumper(db, folder);
    List<String> seen = new ArrayList<>();

    fresh.dump(DumpStreams.triggerAfter(0, () -> seen.addAll(modes(folder))), ProgressSink.NONE);

    assertThat(seen)
        .hasSize(2)
        .satisfiesExactly(
            dir -> assertThat(dir).isEqualTo("tmp rwx------"),
            file -> assertThat(file).matches("thingyan-dump-[0-9a-f-]{36}\\.sqlite rw-------"));
    assertThat(folder).isEmptyDirectory();
  }

  /** The folder's and each file's name and mode, as {@code ls -l} would show them. */
  private static List<String> modes(Path folder) {
    try (var files = Files.list(folder)) {
      List<Path> paths = new ArrayList<>(List.of(folder));
      files.forEach(paths::add);
      List<String> modes = new ArrayList<>();
      for (Path p : paths) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        modes.add(p.getFileName() + " " + mode);
      }
      return modes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aDumpRemovesTheCopiesAKilledRunLeftBehindAndNothingElse() throws Exception {
    FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
    Path killedDump = scratch.resolve("thingyan-dump-" + UUID.randomUUID() + ".sqlite");
    Path killedVerify = scratch.resolve("thingyan-verify-" + UUID.randomUUID() + ".sqlite");
    Path killedRestore = scratch.resolve("thingyan-restore-" + UUID.randomUUID() + ".sqlite");
    Path running = scratch.resolve("thingyan-dump-" + UUID.randomUUID() + ".sqlite");
    Path unrelated = scratch.resolve("guests-export.sqlite");
    Path lookalike = scratch.resolve("thingyan-dump-notes.sqlite");
    for (Path p : List.of(killedDump, killedVerify, killedRestore, running, unrelated, lookalike)) {
      Files.write(p, SqliteFiles.MAGIC);
      if (p != running) {
        Files.setLastModifiedTime(p, twoHoursAgo);
      }
    }

    dump();

    assertThat(killedDump).doesNotExist();
    assertThat(killedVerify).doesNotExist();
    assertThat(killedRestore).doesNotExist();
    assertThat(running).as("a dump still running").exists();
    assertThat(unrelated).exists();
    assertThat(lookalike).exists();
  }
}

package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write to a rollback-journal SQLite database killed midway (as a restore killed while it writes
 * the live file) leaves a hot journal. The next start only reads at first; a read-only connection
 * cannot roll the journal back and fails with SQLITE_READONLY_ROLLBACK. Every read-only open now
 * rolls it back read-write first: the database is as it was before the killed write.
 */
class SqliteHotJournalTest {

  @TempDir Path dir;

  private String sqlite3(Path db, String script) throws Exception {
    return sqlite3(db, script, "-batch");
  }

  private String sqlite3(Path db, String script, String mode) throws Exception {
    Process p = new ProcessBuilder("sqlite3", mode, db.toString())
        .redirectErrorStream(true).start();
    p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  void aWriteKilledMidwayIsRolledBackByTheNextReadOnlyOpen() throws Exception {
    Path db = dir.resolve("app.sqlite");
    sqlite3(db, """
        PRAGMA journal_mode = DELETE;
        CREATE TABLE migrations (id integer PRIMARY KEY, migration text, batch int);
        INSERT INTO migrations (migration, batch) VALUES ('2025_03_01_000000_create_folios', 1);
        CREATE TABLE folios (id integer PRIMARY KEY, guest text);
        INSERT INTO folios (guest) VALUES ('Aye Aye'), ('ဦးအောင်မြင့်');
        """);
    // a small cache spills the changed pages into the file before COMMIT; then the writer dies
    sqlite3(db, """
        PRAGMA cache_size = 2;
        BEGIN;
        INSERT INTO migrations (migration, batch) VALUES ('2025_04_13_000000_failed_release', 2);
        DELETE FROM folios;
        CREATE TABLE filler (b blob);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
          INSERT INTO filler SELECT randomblob(1000) FROM n;
        .shell kill -9 $PPID
        COMMIT;
        """);
    Path journal = dir.resolve("app.sqlite-journal");
    assertThat(journal).exists();
    assertThat(Files.size(journal)).isPositive();
    // as the issue found it: a read-only reader fails on the hot journal
    assertThat(sqlite3(db, "SELECT count(*) FROM folios;\n", "-readonly")).containsIgnoringCase("readonly");
    assertThat(journal).exists();

    SqliteDumper dumper = new SqliteDumper(db, dir.resolve("scratch"));

    assertThat(dumper.schemaVersion()).contains("2025_03_01_000000_create_folios");
    assertThat(journal).doesNotExist();
    ByteArrayOutputStream dump = new ByteArrayOutputStream();
    dumper.dump(dump, d -> {});
    assertThat(sqlite3(db, "SELECT group_concat(guest) FROM folios; SELECT count(*) FROM"
        + " sqlite_master WHERE name = 'filler';\n")).isEqualTo("Aye Aye,ဦးအောင်မြင့်\n0\n");
  }
}

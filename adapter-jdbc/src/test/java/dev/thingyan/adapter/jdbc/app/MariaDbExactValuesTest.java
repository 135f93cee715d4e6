package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FLOAT and DOUBLE edge values and system-versioned history survive a backup and a restore bit
 * for bit, on the real MariaDB at 127.0.0.1:3306, restored by a user without SUPER. mariadb-dump
 * alone writes FLOAT with 6 digits (16777216 as 16777200) and drops history.
 */
class MariaDbExactValuesTest {

  private MariaDbFixture db;
  private MariaDbDumper dumper;

  @BeforeEach
  void createDatabase() {
    db = new MariaDbFixture("bk_");
    db.exec(
        "CREATE TABLE measures (id int PRIMARY KEY, f float, d double, scaled float(10,3),"
            + " note varchar(40), hidden float INVISIBLE)",
        "INSERT INTO measures (id, f, d, scaled, note, hidden) VALUES"
            + " (1, 16777216, 1e308, 1.5, 'a,b)(''c\\\\', 1/7),"
            + " (2, 1/7, CAST(1 AS DOUBLE)/3, 2.25, NULL, NULL),"
            + " (3, 3.4028234663852886e38, 2.2250738585072014e-308, 0, '(1,2)', 16777217),"
            + " (4, 1.1754943508222875e-38, 4.9e-324, NULL, 'x', 0.1),"
            + " (5, 1.401298464324817e-45, -1.7976931348623157e308, 7, '', -0.0),"
            + " (6, 0.1, 0.1, 1, 'y', 123456789),"
            + " (7, 123456789, 9007199254740993, 1, 'z', -1.5e-7),"
            + " (8, NULL, NULL, NULL, NULL, NULL)",
        // 2,000 floats across the whole exponent range, most of which 6 digits cannot hold
        "INSERT INTO measures (id, f, d, hidden) SELECT 100 + seq,"
            + " (RAND(7) - 0.5) * POW(10, FLOOR(RAND(8) * 70) - 35),"
            + " (RAND(9) - 0.5) * POW(10, FLOOR(RAND(10) * 600) - 300), RAND(11) FROM seq_1_to_2000",
        "CREATE TABLE readings (f float, label text)", // no key at all
        "INSERT INTO readings VALUES (1/3, 'a'), (1/3, 'a'), (2/3, 'b'), (NULL, NULL)",
        "CREATE TABLE prices (id int PRIMARY KEY, amount float) WITH SYSTEM VERSIONING",
        "INSERT INTO prices VALUES (1, 1/7)",
        "UPDATE prices SET amount = 16777216 WHERE id = 1",
        "UPDATE prices SET amount = 0.1 WHERE id = 1",
        "DELETE FROM prices WHERE id = 1",
        "INSERT INTO prices VALUES (2, 2/7)");
    dumper = new MariaDbDumper(db.settings);
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private List<String> exact() {
    List<String> out = new ArrayList<>();
    out.addAll(db.rows("SELECT id, CAST(f AS DOUBLE), CAST(d AS DOUBLE), CAST(scaled AS DOUBLE),"
        + " note, CAST(hidden AS DOUBLE) FROM measures ORDER BY id"));
    out.addAll(db.rows("SELECT CAST(f AS DOUBLE), label FROM readings ORDER BY 1, 2"));
    out.addAll(db.rows("SELECT id, CAST(amount AS DOUBLE), row_start, row_end"
        + " FROM prices FOR SYSTEM_TIME ALL ORDER BY row_start, id"));
    return out;
  }

  private void migrate() {
    db.exec(
        "UPDATE measures SET f = f / 2, d = d / 2, hidden = 1",
        "DELETE FROM readings WHERE label = 'a'",
        "INSERT INTO prices VALUES (3, 3)",
        "UPDATE prices SET amount = 1 WHERE id = 2",
        "ALTER TABLE measures ADD COLUMN extra float DEFAULT 1");
  }

  @Test
  void aPipedBackupRestoresEveryFloatDoubleAndHistoryRowBitForBit() throws Exception {
    List<String> before = exact();
    assertThat(before).hasSize(2008 + 4 + 4).contains("1|1.6777216E7|1.0E308|1.5|a,b)('c\\|0.1428571492433548");
    DumpStreams.Compressed store = new DumpStreams.Compressed();
    dumper.dump(store.stored, ProgressSink.NONE, new DumpStreams.GzipProgram());
    String text = new String(store.reader().readAllBytes(), StandardCharsets.UTF_8);
    // the tool's own text is shortened; the exact values travel ahead of it
    assertThat(text).contains("(1,16777200,").contains(MariaDbFloats.ROW + "16777200=16777216")
        .contains("-- Dump completed");
    migrate();

    new MariaDbDumper(db.other).restore(store.reader(), ProgressSink.NONE);

    assertThat(exact()).isEqualTo(before);
    assertThat(MariaDbFixture.databases("thingyan\\_restore\\_%")).isEmpty();
  }

  @Test
  void aBackupStreamedThroughThisJvmIsExactToo() throws Exception {
    List<String> before = exact();
    DumpStreams.Compressed store = new DumpStreams.Compressed();
    try (OutputStream out = store.writer()) {
      dumper.dump(out, ProgressSink.NONE);
    }
    migrate();

    dumper.restore(store.reader(), ProgressSink.NONE);

    assertThat(exact()).isEqualTo(before);
    assertThat(dumper.verifyRestore(store.reader(), ProgressSink.NONE)).contains("tables");
  }

  /** A dump whose rows do not match the recorded values is refused before anything is replaced. */
  @Test
  void aDumpWhoseFloatsDoNotMatchTheRecordedOnesIsRefusedAndNothingChanges() throws Exception {
    DumpStreams.Compressed store = new DumpStreams.Compressed();
    try (OutputStream out = store.writer()) {
      dumper.dump(out, ProgressSink.NONE);
    }
    DumpStreams.Compressed bad = store.tampered("(2,0.142857,", "(2,0.142858,");
    migrate();
    List<String> migrated = exact();

    assertThatThrownBy(() -> dumper.restore(bad.reader(), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("exact FLOAT values")
        .hasMessageContaining("row 2 of measures holds 0.142858")
        .hasMessageContaining("is as it was");
    assertThat(exact()).isEqualTo(migrated);
    assertThat(MariaDbFixture.databases("thingyan\\_restore\\_%")).isEmpty();
  }
}

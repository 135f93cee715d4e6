package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/backup.sh's MariaDB shape (a table with a trigger, a view on it): after a restore, a
 * plain {@code mariadb-dump | mariadb} of the database into itself still works, as an admin's
 * own tools must.
 */
class MariaDbBenchShapeTest {

  private MariaDbFixture db;
  @TempDir Path dir;

  @BeforeEach
  void createDatabase() {
    db = new MariaDbFixture("bk_");
    db.exec(
        "CREATE TABLE guests (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)",
        "CREATE TABLE bookings (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, guest_id INT NOT NULL,"
            + " amount DECIMAL(12,2) NOT NULL, status VARCHAR(16) NOT NULL, KEY idx_g (guest_id))",
        "CREATE TRIGGER bookings_amount BEFORE INSERT ON bookings FOR EACH ROW"
            + " SET NEW.amount = GREATEST(NEW.amount, 0)",
        "CREATE VIEW open_bookings AS SELECT id, guest_id FROM bookings WHERE status = 'booked'",
        "INSERT INTO guests SELECT seq, CONCAT('Guest ', seq) FROM seq_1_to_100",
        "INSERT INTO bookings (guest_id, amount, status) SELECT seq, seq, 'booked' FROM seq_1_to_1000");
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private String sh(String command) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  @Test
  void theDatabaseReloadsWithMariadbDumpAfterARestore() throws Exception {
    MariaDbDumper root =
        new MariaDbDumper(new ConnectionSettings(MariaDbFixture.ADMIN + db.name, "root", ""));
    DumpStreams.Compressed store = new DumpStreams.Compressed();
    root.dump(store.stored, ProgressSink.NONE, new DumpStreams.GzipProgram());
    File ref = dir.resolve("ref.sql").toFile();
    sh("mariadb-dump --no-defaults -uroot -h127.0.0.1 --single-transaction --routines --events"
        + " --triggers " + db.name + " > " + ref);

    root.restore(store.reader(), ProgressSink.NONE);

    sh("mariadb --no-defaults -uroot -h127.0.0.1 " + db.name + " < " + ref);
    assertThat(db.rows("SELECT count(*) FROM bookings")).containsExactly("1000");
    assertThat(Files.size(ref.toPath())).isPositive();
  }
}

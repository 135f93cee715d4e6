package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A MariaDB restore against an app that still uses its database. */
class MariaDbRestoreTest {

  private MariaDbFixture db;
  private MariaDbDumper dumper;

  @BeforeEach
  void createDatabase() {
    db = new MariaDbFixture();
    db.createPms();
    dumper = new MariaDbDumper(db.settings, Optional.empty(), Duration.ofSeconds(2), Map.of());
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private byte[] dump() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    dumper.dump(out, ProgressSink.NONE);
    return out.toByteArray();
  }

  /**
   * The app read one table in a transaction it has not ended: without a bound the restore's DROP
   * TABLE would wait a day for it, with the events and routines already dropped.
   */
  @Test
  void anAppIdleInATransactionFailsTheRestoreInTimeWithNothingDropped() throws Exception {
    byte[] dump = dump();
    db.exec("INSERT INTO reports VALUES ('2025-04-02', 99.00)");
    List<String> before = db.snapshot();
    try (Connection app =
            DriverManager.getConnection(db.settings.jdbcUrl(), db.name, db.password);
        Statement s = app.createStatement()) {
      app.setAutoCommit(false);
      long appId;
      try (ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
        rs.next();
        appId = rs.getLong(1);
      }
      s.executeQuery("SELECT count(*) FROM reports").close();

      long start = System.nanoTime();
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () ->
              assertThatThrownBy(
                      () -> dumper.restore(new ByteArrayInputStream(dump), ProgressSink.NONE))
                  .isInstanceOf(BackupException.class)
                  .hasMessageContaining("is in use: connection " + appId + " (" + db.name + "@")
                  .hasMessageContaining("within 2 s")
                  .hasMessageContaining("nothing was restored")
                  .hasMessageContaining("Stop the app and its workers")
                  .hasMessageNotContaining(db.password));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
      assertThat(db.snapshot()).isEqualTo(before);
      app.rollback();
    }
    assertThat(MariaDbFixture.databases("thingyan\\_restore\\_%")).isEmpty();

    dumper.restore(new ByteArrayInputStream(dump), ProgressSink.NONE); // the app stopped: it works
    assertThat(db.rows("SELECT count(*) FROM reports")).containsExactly("1");
  }
}

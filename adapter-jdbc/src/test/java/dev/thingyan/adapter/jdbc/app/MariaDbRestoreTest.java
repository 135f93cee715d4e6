package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A MariaDB restore against an app that still uses its database. */
class MariaDbRestoreTest {

  private static final Pattern SCRATCH = Pattern.compile("thingyan_restore_[0-9a-f]{12}");

  private MariaDbFixture db;
  private MariaDbDumper dumper;
  private String restricted;
  private String scratch;

  @BeforeEach
  void createDatabase() {
    db = new MariaDbFixture();
    db.createPms();
    dumper = new MariaDbDumper(db.settings, Optional.empty(), Duration.ofSeconds(2), Map.of());
  }

  @AfterEach
  void dropDatabase() {
    if (scratch != null) {
      MariaDbFixture.admin("DROP DATABASE IF EXISTS " + scratch);
    }
    if (restricted != null) {
      MariaDbFixture.admin("DROP USER IF EXISTS '" + restricted + "'@'%'");
    }
    db.close();
  }

  /**
   * A restorer whose user has every privilege on the app's database but {@code missing} (and all on
   * scratch databases): the loaded copy is complete, a later step of the move is refused for real.
   */
  private MariaDbDumper restorerWithout(String missing) {
    restricted = db.name + "_r";
    String password = "R-" + UUID.randomUUID();
    MariaDbFixture.admin(
        "CREATE USER '" + restricted + "'@'%' IDENTIFIED BY '" + password + "'",
        "GRANT ALL ON " + db.name + ".* TO '" + restricted + "'@'%'",
        "REVOKE " + missing + " ON " + db.name + ".* FROM '" + restricted + "'@'%'",
        "GRANT ALL ON `thingyan\\_restore\\_%`.* TO '" + restricted + "'@'%'");
    ConnectionSettings settings =
        new ConnectionSettings(db.settings.jdbcUrl(), restricted, password);
    return new MariaDbDumper(settings, Optional.empty(), Duration.ofSeconds(2), Map.of());
  }

  /** Restores with {@code restorer}, which must fail; its log goes to {@code log}. */
  private BackupException failedRestore(MariaDbDumper restorer, byte[] dump, StringBuilder log) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Throwable thrown;
    try {
      thrown =
          catchThrowable(() -> restorer.restore(new ByteArrayInputStream(dump), ProgressSink.NONE));
    } finally {
      System.setErr(err);
    }
    log.append(captured.toString(StandardCharsets.UTF_8));
    assertThat(thrown).isInstanceOf(BackupException.class);
    Matcher m = SCRATCH.matcher(thrown.getMessage());
    assertThat(m.find()).as("the scratch database is named: %s", thrown.getMessage()).isTrue();
    scratch = m.group();
    return (BackupException) thrown;
  }

  /**
   * The views and triggers are created last; CREATE TRIGGER is refused. The tables are in the
   * app's database by then and the triggers were dropped from the scratch database to move them:
   * the error says so, and the log holds the SQL that creates each again, exactly as it was.
   */
  @Test
  void aFailingFinishSaysWhatIsWhereAndLogsTheTriggersOnlyTheBackupHas() throws Exception {
    byte[] dump = dump();
    List<String> before = db.snapshot();
    StringBuilder log = new StringBuilder();

    BackupException e = failedRestore(restorerWithout("TRIGGER"), dump, log);

    assertThat(e)
        .hasMessageContaining("TRIGGER command denied")
        .hasMessageContaining("Its tables and their rows are in " + db.name + " now")
        .hasMessageContaining("its views, routines and events are still in database " + scratch)
        .hasMessageContaining(
            "its triggers folios_bump, which were not created again and exist only in the backup")
        .hasMessageNotContaining("What was not moved yet");
    assertThat(db.rows("SELECT count(*) FROM folios")).containsExactly("3");
    assertThat(
            db.rows(
                "SELECT count(*) FROM information_schema.triggers WHERE trigger_schema IN ('"
                    + db.name
                    + "', '"
                    + scratch
                    + "')"))
        .containsExactly("0");

    // what the log says to run, run as it says, gives the backup's content back whole
    int start = log.indexOf("To create it by hand:");
    assertThat(start).as(log.toString()).isNotNegative();
    String script =
        log.substring(start + "To create it by hand:".length(), log.indexOf("DELIMITER ;", start))
            + "DELIMITER ;\n";
    Process mariadb =
        new ProcessBuilder("mariadb", "--host=127.0.0.1", "--user=root")
            .redirectErrorStream(true)
            .start();
    mariadb.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
    mariadb.getOutputStream().close();
    String out = new String(mariadb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(mariadb.waitFor()).as(script + out).isZero();
    assertThat(db.snapshot()).isEqualTo(before);
  }

  /**
   * RENAME TABLE is refused (it moves all tables or none): the triggers dropped for it are created
   * in the scratch database again, which holds the whole checked copy, as the error says.
   */
  @Test
  void aFailingMoveLeavesTheCheckedCopyWholeWithItsTriggers() throws Exception {
    byte[] dump = dump();

    BackupException e = failedRestore(restorerWithout("INSERT"), dump, new StringBuilder());

    assertThat(e)
        .hasMessageContaining("INSERT command denied")
        .hasMessageContaining("No table was moved: the checked copy is whole in database " + scratch)
        .hasMessageNotContaining("exist only in the backup");
    assertThat(
            db.rows(
                "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = '"
                    + scratch
                    + "'"))
        .containsExactly("folios_bump");
    assertThat(db.rows("SELECT count(*) FROM " + scratch + ".folios")).containsExactly("3");
  }

  private byte[] dump() {
    return TestDumps.of(dumper);
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

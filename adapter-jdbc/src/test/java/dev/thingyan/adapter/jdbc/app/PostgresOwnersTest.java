package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Owners come back as the backup had them, on the real PostgreSQL at 127.0.0.1:5432: with thingyan
 * connected as a superuser the app's tables go back to the app's role (with {@code --no-owner}
 * they came back as postgres', and the app got "permission denied" on its own tables), and
 * connected as the app's owner its own objects stay its own.
 */
class PostgresOwnersTest {

  private PostgresFixture db;
  private String reporting;

  @BeforeEach
  void createDatabase() {
    db = new PostgresFixture();
    db.createPms();
    reporting = "bk_rep_" + UUID.randomUUID().toString().substring(0, 8);
    PostgresFixture.admin("CREATE ROLE " + reporting);
    db.exec("REVOKE ALL ON folios FROM PUBLIC");
    // a table the reporting role owns, made by the superuser in the app's schema
    db.asSuperuser("CREATE TABLE reports.summary (day date)",
        "ALTER TABLE reports.summary OWNER TO " + reporting);
  }

  @AfterEach
  void dropDatabase() {
    db.close();
    PostgresFixture.admin("DROP ROLE IF EXISTS " + reporting);
  }

  private List<String> owners() {
    List<String> out = new ArrayList<>();
    out.addAll(db.rows("SELECT c.oid::regclass::text || ' ' || pg_get_userbyid(c.relowner)"
        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN"
        + " ('public', 'reports') ORDER BY 1"));
    out.addAll(db.rows("SELECT 'schema ' || nspname || ' ' || pg_get_userbyid(nspowner)"
        + " FROM pg_namespace WHERE nspname IN ('public', 'reports') ORDER BY 1"));
    out.addAll(db.rows("SELECT 'function ' || proname || ' ' || pg_get_userbyid(proowner)"
        + " FROM pg_proc WHERE proname = 'bump'"));
    return out;
  }

  @Test
  void aSuperuserRestoreGivesEveryObjectBackToItsOwner() {
    List<String> before = owners();
    assertThat(before).contains("folios " + db.name, "reports.summary " + reporting);
    PostgresDumper asSuperuser = new PostgresDumper(
        new ConnectionSettings(db.settings.jdbcUrl(), "postgres", ""));
    byte[] dump = TestDumps.of(asSuperuser);
    db.exec("ALTER TABLE folios ADD COLUMN vip boolean");

    asSuperuser.restore(new ByteArrayInputStream(dump), ProgressSink.NONE);

    assertThat(owners()).isEqualTo(before);
    // the app reads and writes its own tables after the restore
    db.exec("UPDATE folios SET guest = 'x' WHERE room = '101'");
  }

  @Test
  void theAppsOwnerKeepsItsOwnObjectsAndTheOthersAreItsNow() {
    List<String> before = owners();
    PostgresDumper asApp = new PostgresDumper(db.settings);
    byte[] dump = TestDumps.of(new PostgresDumper(
        new ConnectionSettings(db.settings.jdbcUrl(), "postgres", "")));
    db.exec("ALTER TABLE folios ADD COLUMN vip boolean");

    asApp.restore(new ByteArrayInputStream(dump), ProgressSink.NONE);

    List<String> expected = new ArrayList<>(before);
    expected.replaceAll(line -> line.equals("reports.summary " + reporting)
        ? "reports.summary " + db.name : line);
    assertThat(owners()).isEqualTo(expected);
  }
}

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

  /**
   * Database-level objects made after the backup survive a drop of the schemas: a publication,
   * an event trigger, a cast, a foreign server, and default privileges without a schema, which
   * would give a reporting role SELECT on every table the restore creates again.
   */
  @Test
  void databaseLevelObjectsAddedSinceTheBackupAreRemoved() {
    List<String> before = databaseLevel();
    PostgresDumper asSuperuser = new PostgresDumper(
        new ConnectionSettings(db.settings.jdbcUrl(), "postgres", ""));
    byte[] dump = TestDumps.of(asSuperuser);
    db.asSuperuser(
        "CREATE PUBLICATION bk_everything FOR ALL TABLES",
        "CREATE FUNCTION bk_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$",
        "CREATE EVENT TRIGGER bk_audit ON ddl_command_end EXECUTE FUNCTION bk_ddl()",
        "CREATE TYPE bk_money AS (amount numeric)",
        "CREATE FUNCTION bk_to_money(int) RETURNS bk_money LANGUAGE sql AS $$SELECT ROW($1)::bk_money$$",
        "CREATE CAST (int AS bk_money) WITH FUNCTION bk_to_money(int)",
        "CREATE FOREIGN DATA WRAPPER bk_fdw",
        "CREATE SERVER bk_elsewhere FOREIGN DATA WRAPPER bk_fdw",
        "ALTER DEFAULT PRIVILEGES FOR ROLE " + db.name + " GRANT SELECT ON TABLES TO " + reporting);
    assertThat(databaseLevel()).isNotEqualTo(before);

    asSuperuser.restore(new ByteArrayInputStream(dump), ProgressSink.NONE);

    assertThat(databaseLevel()).isEqualTo(before);
    assertThat(db.rows("SELECT has_table_privilege('" + reporting + "', 'folios', 'SELECT')::text"))
        .containsExactly("false");
  }

  private List<String> databaseLevel() {
    return db.rows("SELECT 'publication ' || pubname FROM pg_publication"
        + " UNION ALL SELECT 'event trigger ' || evtname FROM pg_event_trigger"
        + " UNION ALL SELECT 'cast ' || castsource::regtype || ' ' || casttarget::regtype"
        + " FROM pg_cast WHERE oid >= 16384"
        + " UNION ALL SELECT 'server ' || srvname FROM pg_foreign_server"
        + " UNION ALL SELECT 'default acl ' || pg_get_userbyid(defaclrole) || ' ' || defaclacl::text"
        + " FROM pg_default_acl WHERE defaclnamespace = 0 ORDER BY 1");
  }
}

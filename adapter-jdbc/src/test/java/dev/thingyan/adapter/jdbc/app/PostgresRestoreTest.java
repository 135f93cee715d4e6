package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL restore is one transaction even when the backup holds large objects, whose data
 * pg_restore wraps in a BEGIN and COMMIT of its own unless told otherwise.
 */
class PostgresRestoreTest {

  private PostgresFixture db;
  private PostgresDumper dumper;

  @BeforeEach
  void createDatabase() {
    db = new PostgresFixture();
    db.createPms();
    db.exec("SELECT lo_from_bytea(0, 'scan of a passport'::bytea)");
    dumper = new PostgresDumper(db.settings);
  }

  private final List<String> roles = new ArrayList<>();

  @AfterEach
  void dropDatabase() {
    db.close();
    for (String role : roles) {
      PostgresFixture.admin("DROP ROLE IF EXISTS " + role);
    }
  }

  /** A role of the whole server, dropped after the test. */
  private String role(String prefix) {
    String role = prefix + UUID.randomUUID().toString().substring(0, 8);
    roles.add(role);
    PostgresFixture.admin("CREATE ROLE " + role);
    return role;
  }

  /** Every grant in the database, as PostgreSQL stores them (grantor included). */
  private List<String> grants(String reporting) {
    List<String> out = new ArrayList<>();
    out.addAll(
        db.rows(
            "SELECT 'schema ' || nspname || ' ' || coalesce(nspacl::text, '-') FROM pg_namespace"
                + " WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'"
                + " ORDER BY 1"));
    out.addAll(
        db.rows(
            "SELECT c.relkind::text || ' ' || c.oid::regclass::text || ' '"
                + " || coalesce(c.relacl::text, '-') FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE"
                + " n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' ORDER BY 1"));
    out.addAll(
        db.rows(
            "SELECT 'column ' || attrelid::regclass::text || '.' || attname || ' ' || attacl::text"
                + " FROM pg_attribute WHERE attacl IS NOT NULL AND attrelid::regclass::text NOT"
                + " LIKE 'pg\\_%' ORDER BY 1"));
    out.addAll(
        db.rows(
            "SELECT 'granted ' || grantee || ' ' || table_schema || '.' || table_name || ' '"
                + " || privilege_type FROM information_schema.role_table_grants WHERE grantee = '"
                + reporting
                + "' ORDER BY 1"));
    out.addAll(
        db.rows(
            "SELECT 'reads ' || has_table_privilege('"
                + reporting
                + "', 'reports.daily', 'SELECT') || ' ' || has_schema_privilege('"
                + reporting
                + "', 'reports', 'USAGE') || ' ' || has_table_privilege('"
                + reporting
                + "', 'folios', 'SELECT')"));
    return out;
  }

  private byte[] dump() {
    return TestDumps.of(dumper);
  }

  private void migrate() {
    db.exec(
        "CREATE TABLE loyalty_points (id serial PRIMARY KEY, points int)",
        "UPDATE folios SET guest = 'changed' WHERE room = '101'",
        "DELETE FROM folios WHERE room = '102'",
        "SELECT lo_unlink(oid) FROM pg_largeobject_metadata",
        "SELECT lo_from_bytea(0, 'a newer scan'::bytea)");
  }

  @Test
  void aBackupWithLargeObjectsRestoresExactly() {
    List<String> before = db.snapshot();
    assertThat(before).anyMatch(line -> line.endsWith(" scan of a passport"));
    byte[] dump = dump();
    migrate();

    dumper.restore(new ByteArrayInputStream(dump), ProgressSink.NONE);

    assertThat(db.snapshot()).isEqualTo(before);
  }

  /**
   * The index's function calls another without its schema: it works in the app's session, but
   * pg_restore runs with an empty search_path, so building the index fails in post-data, after the
   * large objects were written.
   */
  @Test
  void aFailureAfterTheLargeObjectsRollsBackEverything() {
    db.exec(
        "CREATE FUNCTION room_key(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT"
            + " lower($1) $$",
        "CREATE FUNCTION room_index(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT"
            + " room_key($1) $$",
        "CREATE INDEX folios_room_key ON folios (room_index(room))");
    byte[] dump = dump();
    migrate();
    List<String> migrated = db.snapshot();
    assertThat(migrated).anyMatch(line -> line.contains("folios_room_key"));

    assertThatThrownBy(() -> dumper.restore(new ByteArrayInputStream(dump), ProgressSink.NONE))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("psql failed")
        .hasMessageContaining("room_key")
        .hasMessageContaining("rolled back")
        .hasMessageNotContaining("already a transaction")
        .hasMessageNotContaining(db.password);

    assertThat(db.snapshot()).isEqualTo(migrated);
  }

  /** A reporting tool that reads as its own role still can after a rollback to the backup. */
  @Test
  void grantsToOtherRolesComeBackExactly() {
    String reporting = role("thingyan_rep_");
    db.exec(
        "GRANT USAGE ON SCHEMA reports TO " + reporting,
        "GRANT SELECT ON reports.daily TO " + reporting + " WITH GRANT OPTION",
        "GRANT SELECT ON folios, open_folios TO " + reporting,
        "GRANT UPDATE (guest) ON folios TO " + reporting,
        "GRANT SELECT ON LARGE OBJECT "
            + db.rows("SELECT min(oid) FROM pg_largeobject_metadata").get(0)
            + " TO "
            + reporting,
        "ALTER DEFAULT PRIVILEGES IN SCHEMA reports GRANT SELECT ON TABLES TO " + reporting);
    List<String> before = grants(reporting);
    assertThat(before)
        .anyMatch(line -> line.startsWith("schema reports ") && line.contains(reporting + "=U/"))
        .contains("reads true true true");
    byte[] dump = dump();
    db.exec(
        "REVOKE ALL ON SCHEMA reports FROM " + reporting,
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + reporting,
        "GRANT USAGE, CREATE ON SCHEMA public TO " + reporting,
        "GRANT SELECT ON migrations TO " + reporting);
    assertThat(grants(reporting)).isNotEqualTo(before);

    dumper.restore(new ByteArrayInputStream(dump), ProgressSink.NONE);

    assertThat(grants(reporting)).isEqualTo(before);
    assertThat(
            db.rows(
                "SELECT has_schema_privilege('" + reporting + "', 'public', 'CREATE')::text"))
        .containsExactly("false");
    assertThat(
            db.rows(
                "SELECT count(*) FROM pg_largeobject_metadata WHERE lomacl::text LIKE '%"
                    + reporting
                    + "=r/%'"))
        .containsExactly("1");
    assertThat(db.rows("SELECT count(*) FROM pg_default_acl")).containsExactly("1");
  }

  /**
   * Restoring on a server that lacks a role the backup grants to (dropped since, or a rebuilt
   * server) works; the grants it cannot take are named in a warning. A grant someone other than
   * the owner made (pg_dump wraps it in SET SESSION AUTHORIZATION, which only a superuser may run)
   * comes back as the owner's.
   */
  @Test
  void grantsToAMissingRoleAreSkippedWithAWarning() {
    String reporting = role("thingyan_rep_");
    String gone = "\"Gone Role " + UUID.randomUUID().toString().substring(0, 8) + "\"";
    String viewer = role("thingyan_view_");
    roles.add(gone);
    PostgresFixture.admin("CREATE ROLE " + gone, "GRANT " + reporting + " TO " + db.name);
    db.exec(
        "GRANT USAGE ON SCHEMA reports TO " + reporting + ", " + gone + ", " + viewer,
        "GRANT SELECT ON folios, reports.daily TO " + gone,
        "GRANT SELECT ON reports.daily TO " + reporting + " WITH GRANT OPTION",
        "SET ROLE " + reporting,
        "GRANT SELECT ON reports.daily TO " + viewer,
        "RESET ROLE");
    byte[] dump = dump();
    db.exec("REVOKE ALL ON SCHEMA reports FROM " + gone, "REVOKE ALL ON ALL TABLES IN SCHEMA"
        + " public, reports FROM " + gone);
    PostgresFixture.admin("DROP ROLE " + gone);
    migrate();

    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      dumper.restore(new ByteArrayInputStream(dump), ProgressSink.NONE);
    } finally {
      System.setErr(err);
    }

    assertThat(
            db.rows(
                "SELECT count(*) FROM information_schema.tables WHERE table_name ="
                    + " 'loyalty_points'"))
        .containsExactly("0");
    assertThat(
            db.rows(
                "SELECT has_table_privilege('" + reporting + "', 'reports.daily', 'SELECT') || ' '"
                    + " || has_table_privilege('" + viewer + "', 'reports.daily', 'SELECT') || ' '"
                    + " || has_schema_privilege('" + viewer + "', 'reports', 'USAGE')"))
        .containsExactly("true true true");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .containsPattern("WARN .*restored 127.0.0.1:5432/" + db.name + " without 3 grant")
        .contains("GRANT USAGE ON SCHEMA reports TO " + gone + ";")
        .contains("GRANT SELECT ON TABLE public.folios TO " + gone + ";")
        .contains("GRANT SELECT ON TABLE reports.daily TO " + gone + ";")
        .contains(
            "GRANT SELECT ON TABLE reports.daily TO "
                + viewer
                + "; (granted by "
                + reporting
                + ")");
  }
}

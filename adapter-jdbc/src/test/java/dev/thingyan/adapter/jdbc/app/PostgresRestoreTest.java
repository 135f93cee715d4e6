package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
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

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private byte[] dump() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    dumper.dump(out, ProgressSink.NONE);
    return out.toByteArray();
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
}

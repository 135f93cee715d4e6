package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** An app precheck ("no open folios") against a SQLite app database. */
class SqlNoRowsProbeTest {

  private static final String OPEN_FOLIOS =
      "SELECT id, room FROM folios WHERE closed_at IS NULL ORDER BY id";

  @TempDir Path dir;
  private Path db;
  private SqlNoRowsProbe probe;

  @BeforeEach
  void createDatabase() throws Exception {
    db = dir.resolve("pms.sqlite");
    SqliteFixture.createPms(db);
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + db);
    probe = new SqlNoRowsProbe("open_folios", ds, OPEN_FOLIOS, Duration.ofSeconds(5));
  }

  @Test
  void passesWhenTheQueryFindsNothing() {
    ProbeResult result = probe.probe(ProbeContext.ANY);
    assertThat(result.ok()).as(result.detail()).isTrue();
    assertThat(result.detail()).isEqualTo("open_folios: no rows");
  }

  @Test
  void failsWithTheCountAndTheFirstRowWhenRowsExist() throws Exception {
    SqliteFixture.exec(
        db,
        "INSERT INTO folios (room, guest) VALUES ('305', 'x')",
        "INSERT INTO folios (room, guest) VALUES ('306', 'y')",
        "INSERT INTO folios (room, guest) VALUES ('" + "9".repeat(300) + "', 'z')");
    ProbeResult result = probe.probe(ProbeContext.ANY);
    assertThat(result.ok()).isFalse();
    assertThat(result.detail()).isEqualTo("open_folios: 3 row(s), e.g. id=3, room=305");
  }

  @Test
  void countsAtMostAThousandAndCutsLongValues() throws Exception {
    SqliteFixture.exec(
        db,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
            + " WHERE i < 1500) INSERT INTO folios (room, guest) SELECT '"
            + "7".repeat(100)
            + "', 'g' || i FROM n");
    ProbeResult result = probe.probe(ProbeContext.ANY);
    assertThat(result.ok()).isFalse();
    assertThat(result.detail())
        .startsWith("open_folios: more than 1000 row(s), e.g. id=3, room=")
        .endsWith("…")
        .hasSizeLessThan(120);
  }

  @Test
  void aBrokenQueryFailsAndSaysSo() {
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + db);
    ProbeResult result =
        new SqlNoRowsProbe(
                "checkins", ds, "SELECT id FROM checkins_in_progress", Duration.ofSeconds(5))
            .probe(ProbeContext.ANY);
    assertThat(result.ok()).isFalse();
    assertThat(result.detail())
        .startsWith("checkins: query failed")
        .contains("checkins_in_progress");
  }
}

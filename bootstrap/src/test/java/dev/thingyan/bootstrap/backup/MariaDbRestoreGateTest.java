package dev.thingyan.bootstrap.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.bootstrap.Standalone;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.ConfigLoader;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.BackupRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maintenance gate around MariaDB restores, whose DDL cannot be rolled back, on the real
 * server at 127.0.0.1:3306 with an account whose privileges the test takes away: a restore that
 * changed nothing brings the app back and says so; one that failed after its swap keeps the gate
 * up; and a retry that fails at its safety backup never lowers the gate over that database.
 */
class MariaDbRestoreGateTest {

  private static final Actor ADMIN = new Actor("cli:test");
  private static final String ROOT = "jdbc:mariadb://127.0.0.1:3306/";
  private final String name = "bk_gate_" + UUID.randomUUID().toString().substring(0, 8);
  private final String user = name + "_u";
  @TempDir Path dir;
  private List<String> scratchBefore;

  @BeforeEach
  void createDatabase() throws Exception {
    scratchBefore = rows("SHOW DATABASES LIKE 'thingyan\\_restore\\_%'");
    root("CREATE DATABASE " + name,
        "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'",
        "GRANT ALL ON " + name + ".* TO '" + user + "'@'%'",
        "GRANT ALL ON `thingyan\\_%`.* TO '" + user + "'@'%'",
        "CREATE TABLE " + name + ".bookings (id int PRIMARY KEY, guest text)",
        "INSERT INTO " + name + ".bookings VALUES (1, 'Aye Aye')",
        "USE " + name,
        "CREATE TRIGGER bump BEFORE UPDATE ON bookings FOR EACH ROW SET NEW.guest = NEW.guest",
        "CREATE VIEW guests AS SELECT guest FROM bookings");
  }

  @AfterEach
  void dropDatabase() throws Exception {
    // the restore that failed after its swap kept its scratch database, as its message says
    for (String scratch : rows("SHOW DATABASES LIKE 'thingyan\\_restore\\_%'")) {
      if (!scratchBefore.contains(scratch)) {
        root("DROP DATABASE " + scratch);
      }
    }
    root("DROP DATABASE IF EXISTS " + name, "DROP USER IF EXISTS '" + user + "'@'%'");
  }

  @Test
  void theGateComesDownOnlyOverADatabaseThatIsSafe() throws Exception {
    Path gate = dir.resolve("app/.thingyan/maintenance");
    try (ThingyanSystem system = Standalone.open(ConfigLoader.load(config()))) {
      BackupRecord backup = system.backupDatabase().backup(ADMIN, p -> {});
      root("INSERT INTO " + name + ".bookings VALUES (2, 'after the backup')");

      // RENAME TABLE refused: the swap, the restore's first change, did not happen
      root("REVOKE INSERT ON " + name + ".* FROM '" + user + "'@'%'");
      assertThatThrownBy(() -> system.backupDatabase().restore(ADMIN, backup.backupId(), p -> {}))
          .hasMessageContaining("moving the restored tables into")
          .hasMessageContaining("INSERT command denied")
          .hasMessageContaining("nothing was restored")
          .hasMessageContaining("The database is as it was before the restore, and the app is back")
          .hasMessageNotContaining("may be partly restored");
      assertThat(gate).doesNotExist();
      assertThat(rows("SELECT count(*) FROM " + name + ".bookings")).containsExactly("2");

      // CREATE VIEW refused after the swap: the database is partly restored
      root("GRANT INSERT ON " + name + ".* TO '" + user + "'@'%'",
          "REVOKE CREATE VIEW ON " + name + ".* FROM '" + user + "'@'%'");
      assertThatThrownBy(() -> system.backupDatabase().restore(ADMIN, backup.backupId(), p -> {}))
          .hasMessageContaining("incomplete now")
          .hasMessageContaining("still in database thingyan_restore_")
          .hasMessageContaining("may be partly restored, so the app stays behind the maintenance gate");
      assertThat(gate).exists();

      // the retry's safety backup fails (the account may not read the tables): the gate stays up
      root("GRANT CREATE VIEW ON " + name + ".* TO '" + user + "'@'%'",
          "REVOKE SELECT ON " + name + ".* FROM '" + user + "'@'%'");
      assertThatThrownBy(() -> system.backupDatabase().restore(ADMIN, backup.backupId(), p -> {}))
          .hasMessageContaining("The safety backup failed")
          .hasMessageContaining("stays behind the maintenance gate");
      assertThat(gate).exists();

      // fixed: the restore succeeds and lifts the gate
      root("GRANT SELECT ON " + name + ".* TO '" + user + "'@'%'");
      system.backupDatabase().restore(ADMIN, backup.backupId(), p -> {});
      assertThat(gate).doesNotExist();
      assertThat(rows("SELECT guest FROM " + name + ".guests")).containsExactly("Aye Aye");
      assertThat(rows("SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = '"
          + name + "'")).containsExactly("bump");
    }
  }

  private Path config() throws Exception {
    Path password = Files.writeString(dir.resolve("db.password"), "pw");
    Path releases = Files.createDirectories(dir.resolve("releases-feed"));
    return Files.writeString(dir.resolve("thingyan.yaml"), String.join("\n",
        "app:", "  root: " + dir.resolve("app"),
        "journal:", "  url: \"jdbc:h2:file:" + dir.resolve("journal/thingyan") + "\"",
        "source:", "  type: folder", "  folder:", "    path: " + releases,
        "verify:", "  allow_unsigned: true",
        "health:", "  checks:", "    - {type: database}",
        "database:", "  engine: mariadb", "  url: " + ROOT + name, "  user: " + user,
        "  password_file: " + password,
        "backup:", "  local:", "    path: " + dir.resolve("backups"), ""));
  }

  private static void root(String... sql) throws Exception {
    try (Connection c = DriverManager.getConnection(ROOT, "root", "");
        Statement s = c.createStatement()) {
      for (String each : sql) {
        s.execute(each);
      }
    }
  }

  private static List<String> rows(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(ROOT, "root", "");
        ResultSet r = c.createStatement().executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }
}

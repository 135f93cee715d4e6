package dev.thingyan.bootstrap.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.Standalone;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.ConfigLoader;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.BackupRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two configurations sharing one journal and one backup folder, each with its own database on the
 * real PostgreSQL: the retention of one never deletes the other's backups (it once removed the
 * other's catalogue entry and left its file).
 */
class SharedJournalRetentionTest {

  private static final Actor ADMIN = new Actor("cli:test");
  @TempDir Path dir;
  private TestPostgres first;
  private TestPostgres second;

  @BeforeEach
  void createDatabases() throws Exception {
    first = TestPostgres.create("bk_shared_a");
    second = TestPostgres.create("bk_shared_b");
    for (TestPostgres db : new TestPostgres[] {first, second}) {
      db.sql("CREATE TABLE bookings (id int)");
    }
  }

  @AfterEach
  void dropDatabases() throws Exception {
    first.drop();
    second.drop();
  }

  @Test
  void theRetentionOfOneConfigurationKeepsTheOthersBackups() throws Exception {
    BackupRecord others;
    try (ThingyanSystem b = Standalone.open(ConfigLoader.load(config("b", second)))) {
      others = b.backupDatabase().backup(ADMIN, p -> {});
    }
    try (ThingyanSystem a = Standalone.open(ConfigLoader.load(config("a", first)))) {
      for (int i = 0; i < 4; i++) {
        a.backupDatabase().backup(ADMIN, p -> {});
      }
      assertThat(a.backupDatabase().list()).filteredOn(r -> r.database().equals(first.name()))
          .hasSize(3);
      assertThat(a.backupDatabase().list()).extracting(BackupRecord::backupId)
          .contains(others.backupId());
    }
    assertThat(dir.resolve("backups").resolve(others.storeKey())).exists();
  }

  private Path config(String which, TestPostgres db) throws Exception {
    Path releases = Files.createDirectories(dir.resolve("releases-feed"));
    return Files.writeString(dir.resolve("thingyan-" + which + ".yaml"), String.join("\n",
        "app:", "  root: " + dir.resolve("app-" + which),
        "journal:", "  url: \"jdbc:h2:file:" + dir.resolve("journal/thingyan") + "\"",
        "source:", "  type: folder", "  folder:", "    path: " + releases,
        "verify:", "  allow_unsigned: true",
        "health:", "  checks:", "    - {type: database}",
        "database:", "  engine: postgresql", "  url: " + db.url(), "  user: postgres",
        "backup:", "  keep: 3", "  local:", "    path: " + dir.resolve("backups"), ""));
  }
}

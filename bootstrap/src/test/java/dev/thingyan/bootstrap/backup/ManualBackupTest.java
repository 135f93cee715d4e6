package dev.thingyan.bootstrap.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.adapter.jdbc.journal.JournalDatabase;
import dev.thingyan.bootstrap.Standalone;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.ConfigLoader;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.AuditEvent;
import dev.thingyan.ports.model.BackupKind;
import dev.thingyan.ports.model.BackupRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backups wired from a configuration, on the real PostgreSQL server: a manual backup, a
 * "migration", then `restore` leaves exactly the backup's content and keeps a safety backup.
 */
class ManualBackupTest {

  private static final Actor ADMIN_ACTOR = new Actor("cli:test");
  private TestPostgres db;
  @TempDir Path dir;
  private String encryption = "";
  private String hooks = "";
  private String backupExtra = "";

  @BeforeEach
  void createDatabase() throws Exception {
    db = TestPostgres.create("thingyan_manual");
    db.sql("CREATE TABLE bookings (id SERIAL PRIMARY KEY, guest TEXT NOT NULL)",
        "INSERT INTO bookings (guest) VALUES ('မောင်မောင်'), ('Aye Aye')");
  }

  @AfterEach
  void dropDatabase() throws Exception {
    db.drop();
  }

  @Test
  void aRestoreLeavesExactlyTheBackupAndKeepsASafetyCopy() throws Exception {
    try (ThingyanSystem system = Standalone.open(ConfigLoader.load(config()))) {
      List<Long> progress = new ArrayList<>();
      BackupRecord backup = system.backupDatabase().backup(ADMIN_ACTOR, progress::add);
      assertThat(backup.engine()).isEqualTo("postgresql");
      assertThat(backup.kind()).isEqualTo(BackupKind.MANUAL);
      assertThat(system.backupDatabase().verify(ADMIN_ACTOR, backup.backupId())).contains("1 tables");

      db.sql("ALTER TABLE bookings ADD COLUMN channel TEXT", "CREATE TABLE rates (id INT)",
          "INSERT INTO bookings (guest, channel) VALUES ('late guest', 'web')");

      BackupRecord safety = system.backupDatabase().restore(ADMIN_ACTOR, backup.backupId(), p -> {});

      assertThat(safety.kind()).isEqualTo(BackupKind.SAFETY);
      assertThat(db.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1"))
          .containsExactly("bookings");
      assertThat(db.rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'bookings' ORDER BY 1"))
          .containsExactly("guest", "id");
      assertThat(db.rows("SELECT guest FROM bookings ORDER BY id")).containsExactly("မောင်မောင်", "Aye Aye");
      assertThat(system.backupDatabase().list()).extracting(BackupRecord::backupId)
          .contains(backup.backupId(), safety.backupId());
      assertThat(Files.readString(dir.resolve("thingyan.yaml"))).doesNotContain("secret");
    }
  }

  @Test
  void withAKeysetBackupsAreEncryptedAtRestAndStillRestore() throws Exception {
    Path keyset = dir.resolve("backup-keyset.json");
    dev.thingyan.adapter.storage.backup.AeadBackupCodec.writeNewKeyset(keyset);
    encryption = "  encryption:\n    keyset_file: " + keyset + "\n";
    try (ThingyanSystem system = Standalone.open(ConfigLoader.load(config()))) {
      BackupRecord backup = system.backupDatabase().backup(ADMIN_ACTOR, p -> {});
      assertThat(backup.codec()).isEqualTo("zstd+aead");
      byte[] stored = Files.readAllBytes(dir.resolve("backups").resolve(backup.storeKey()));
      assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Aye Aye");

      db.sql("DELETE FROM bookings");
      system.backupDatabase().restore(ADMIN_ACTOR, backup.backupId(), p -> {});

      assertThat(db.rows("SELECT guest FROM bookings ORDER BY id")).containsExactly("မောင်မောင်", "Aye Aye");
    }
  }

  @Test
  void theGateIsUpBeforeTheSafetyDumpSoNothingWrittenAfterItIsLost() throws Exception {
    Path on = dir.resolve("gate-on");
    hooks = "hooks:\n  maintenance_on:\n    - \"date +%s%N > " + on + "\"\n";
    try (ThingyanSystem system = Standalone.open(ConfigLoader.load(config()))) {
      BackupRecord backup = system.backupDatabase().backup(ADMIN_ACTOR, p -> {});

      BackupRecord safety = system.backupDatabase().restore(ADMIN_ACTOR, backup.backupId(), p -> {});

      Instant gateUp = Instant.EPOCH.plusNanos(Long.parseLong(Files.readString(on).trim()));
      assertThat(gateUp).isBefore(safety.createdAt());
      assertThat(Files.exists(dir.resolve("app/.thingyan/maintenance"))).isFalse();
    }
  }

  @Test
  void whenTheSafetyBackupFailsNothingIsRestoredAndTheAppComesBack() throws Exception {
    try (ThingyanSystem system = Standalone.open(ConfigLoader.load(config()))) {
      BackupRecord backup = system.backupDatabase().backup(ADMIN_ACTOR, p -> {});
      db.sql("INSERT INTO bookings (guest) VALUES ('written after the backup')");
      // nobody, not even a superuser, can connect: pg_dump of the safety backup fails
      db.admin("ALTER DATABASE " + db.name() + " ALLOW_CONNECTIONS false");
      try {
        assertThatThrownBy(() -> system.backupDatabase().restore(ADMIN_ACTOR, backup.backupId(), p -> {}))
            .hasMessageContaining("pg_dump");
      } finally {
        db.admin("ALTER DATABASE " + db.name() + " ALLOW_CONNECTIONS true");
      }

      assertThat(Files.exists(dir.resolve("app/.thingyan/maintenance"))).isFalse();
      assertThat(db.rows("SELECT guest FROM bookings ORDER BY id"))
          .containsExactly("မောင်မောင်", "Aye Aye", "written after the backup");
      assertThat(system.backupDatabase().list()).extracting(BackupRecord::kind)
          .containsExactly(BackupKind.MANUAL);
    }
  }

  @Test
  void aRestoreThatFailsLeavesTheDatabaseAsItWasAndBringsTheAppBack() throws Exception {
    try (ThingyanSystem system = Standalone.open(ConfigLoader.load(config()))) {
      BackupRecord backup = system.backupDatabase().backup(ADMIN_ACTOR, p -> {});
      db.sql("INSERT INTO bookings (guest) VALUES ('written after the backup')");
      // the safety dump only reads; the restore's first DROP is refused
      db.admin("ALTER DATABASE " + db.name() + " SET default_transaction_read_only = on");
      try {
        assertThatThrownBy(() -> system.backupDatabase().restore(ADMIN_ACTOR, backup.backupId(), p -> {}))
            .hasMessageContaining("The restore of " + backup.backupId() + " failed")
            .hasMessageContaining("read-only transaction")
            .hasMessageContaining("The database is as it was before the restore, and the app is back")
            .hasMessageMatching("(?s).*The safety backup \\S+-safety-\\S+ holds that same data.*");
      } finally {
        db.admin("ALTER DATABASE " + db.name() + " RESET default_transaction_read_only");
      }

      assertThat(Files.exists(dir.resolve("app/.thingyan/maintenance"))).as("the gate is down").isFalse();
      assertThat(db.rows("SELECT guest FROM bookings ORDER BY id"))
          .containsExactly("မောင်မောင်", "Aye Aye", "written after the backup");
    }
    assertThat(audit()).filteredOn(e -> e.action().equals("system.backup.restore_failed")).singleElement()
        .satisfies(e -> assertThat(e.attributes()).containsEntry("database", "unchanged"));
  }

  @Test
  void aDumpThatOutlivesBackupTimeoutIsStoppedAndNothingIsKept() throws Exception {
    backupExtra = "  timeout: 2s\n";
    try (ThingyanSystem system = Standalone.open(ConfigLoader.load(config()));
        Connection app = DriverManager.getConnection(db.url(), "postgres", "")) {
      // an app's open transaction holding the table: pg_dump waits for its lock (up to a minute)
      app.setAutoCommit(false);
      app.createStatement().execute("LOCK TABLE bookings IN ACCESS EXCLUSIVE MODE");
      long start = System.nanoTime();

      assertThatThrownBy(() -> system.backupDatabase().backup(ADMIN_ACTOR, p -> {}))
          .hasMessageContaining("did not finish within 2s (backup.timeout): its tools were stopped and no backup was made")
          .hasMessageContaining("waits on a lock");

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
      app.rollback();
      assertThat(system.backupDatabase().list()).isEmpty();
      try (Stream<Path> files = Files.list(dir.resolve("backups"))) {
        assertThat(files).as("no partial file either").isEmpty();
      }
    }
    assertThat(audit()).extracting(AuditEvent::action).contains("system.backup.failed");
  }

  @Test
  void theNextBackupRemovesWhatABackupKilledMidWriteLeftBehind() throws Exception {
    Path backups = Files.createDirectories(dir.resolve("backups"));
    Path killed = backups.resolve(".20261201-010000-manual-0badf00d.postgresql.dump.zstd.partial-0123456789abcdef");
    Files.write(killed, new byte[64 * 1024]);
    Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
    try (ThingyanSystem system = Standalone.open(ConfigLoader.load(config()))) {
      BackupRecord backup = system.backupDatabase().backup(ADMIN_ACTOR, p -> {});

      assertThat(Files.exists(killed)).isFalse();
      try (Stream<Path> files = Files.list(backups)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly(backup.storeKey());
      }
    }
    assertThat(audit()).extracting(AuditEvent::action)
        .containsSubsequence("system.backup.started", "system.backup.swept", "system.backup.completed");
    assertThat(audit()).filteredOn(e -> e.action().equals("system.backup.swept")).singleElement()
        .satisfies(e -> assertThat(e.attributes().get("removed")).startsWith(killed.getFileName().toString()));
  }

  @Test
  void oldBackupsThatCannotBeDeletedLeaveTheNewBackupSucceeded() throws Exception {
    try (ThingyanSystem system = Standalone.open(ConfigLoader.load(config()))) {
      BackupRecord oldest = system.backupDatabase().backup(ADMIN_ACTOR, p -> {});
      for (int i = 0; i < 2; i++) {
        system.backupDatabase().backup(ADMIN_ACTOR, p -> {});
      }
      // the oldest backup's name now holds something the store cannot delete (a non-empty folder)
      Path stuck = dir.resolve("backups").resolve(oldest.storeKey());
      Files.delete(stuck);
      Files.writeString(Files.createDirectories(stuck).resolve("keep"), "x");

      BackupRecord fourth = system.backupDatabase().backup(ADMIN_ACTOR, p -> {});

      assertThat(system.backupDatabase().list()).extracting(BackupRecord::backupId).contains(fourth.backupId());
      assertThat(Files.isRegularFile(dir.resolve("backups").resolve(fourth.storeKey()))).isTrue();
    }
    List<String> actions = audit().stream().map(AuditEvent::action).toList();
    assertThat(actions.subList(actions.lastIndexOf("system.backup.started"), actions.size()))
        .containsExactly("system.backup.started", "system.backup.completed", "system.backup.prune_failed");
  }

  @Test
  void anUnknownBackupIsAClearError() throws Exception {
    try (ThingyanSystem system = Standalone.open(ConfigLoader.load(config()))) {
      assertThatThrownBy(() -> system.backupDatabase().restore(ADMIN_ACTOR, "nope", p -> {}))
          .hasMessageContaining("no backup nope").hasMessageContaining("thingyan backups");
    }
  }

  /** The audit trail, oldest first, read from the journal the system wrote. */
  private List<AuditEvent> audit() {
    List<AuditEvent> newestFirst = new ArrayList<>(JournalDatabase.open(DataSources.unpooled(
        new ConnectionSettings("jdbc:h2:file:" + dir.resolve("journal/thingyan"), "", ""))).auditTrail().recent(1000));
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  private Path config() throws Exception {
    Path releases = Files.createDirectories(dir.resolve("releases-feed"));
    return Files.writeString(dir.resolve("thingyan.yaml"), String.join("\n",
        "app:", "  root: " + dir.resolve("app"),
        "journal:", "  url: \"jdbc:h2:file:" + dir.resolve("journal/thingyan") + "\"",
        "source:", "  type: folder", "  folder:", "    path: " + releases,
        "verify:", "  allow_unsigned: true",
        "health:", "  checks:", "    - {type: database}",
        "database:", "  engine: postgresql", "  url: " + db.url(), "  user: postgres",
        "backup:", "  local:", "    path: " + dir.resolve("backups"), backupExtra + encryption, hooks));
  }
}

package dev.thingyan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.adapter.jdbc.app.PostgresDumper;
import dev.thingyan.adapter.jdbc.journal.JournalDatabase;
import dev.thingyan.adapter.storage.backup.LocalFolderBackupStore;
import dev.thingyan.adapter.storage.backup.ZstdBackupCodec;
import dev.thingyan.adapter.storage.backup.ZstdProgram;
import dev.thingyan.adapter.storage.release.FileRunLock;
import dev.thingyan.bootstrap.backup.TestPostgres;
import dev.thingyan.bootstrap.cli.CliEnvironment;
import dev.thingyan.bootstrap.cli.Main;
import dev.thingyan.bootstrap.config.ConfigLoader;
import dev.thingyan.domain.backup.EarlyBackup;
import dev.thingyan.ports.in.RunRefusedException;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.BackupKind;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.model.LockHolder;
import dev.thingyan.ports.model.NewRun;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.RunLock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code thingyan backup}'s early start, on the real PostgreSQL server: the dump begins while the
 * system opens, is stored only after the same locks and checks as any backup, and leaves nothing
 * behind (no object, no partial upload, no running tool) when those refuse or the system closes
 * without the backup.
 */
class EarlyBackupTest {

  private static final Actor ACTOR = new Actor("cli:test");
  private TestPostgres db;
  @TempDir Path dir;

  @BeforeEach
  void createDatabase() throws Exception {
    db = TestPostgres.create("thingyan_early");
    db.sql("CREATE TABLE bookings (id SERIAL PRIMARY KEY, guest TEXT NOT NULL)",
        "INSERT INTO bookings (guest) SELECT 'guest ' || g FROM generate_series(1, 1000) g");
  }

  @AfterEach
  void dropDatabase() throws Exception {
    db.drop();
  }

  @Test
  void theEarlyDumpIsTheBackupOnceTheChecksPass() throws Exception {
    List<Long> progress = new CopyOnWriteArrayList<>();
    try (ThingyanSystem system = Standalone.openForBackup(ConfigLoader.load(config()), progress::add)) {
      BackupRecord backup = system.backupDatabase().backup(ACTOR, p -> { });

      assertThat(backup.kind()).isEqualTo(BackupKind.MANUAL);
      assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p).isBetween(1L, backup.size()));
      assertThat(system.backupDatabase().list()).extracting(BackupRecord::backupId)
          .containsExactly(backup.backupId());
      assertThat(system.backupDatabase().verify(ACTOR, backup.backupId())).contains("1 tables");
      assertThat(storedFiles()).containsExactly(backup.storeKey());
    }
  }

  @Test
  void theCommandOpensTheSystemWhileItsLineIsParsedAndSaysSoOnce() throws Exception {
    Path config = config();
    StringWriter out = new StringWriter();

    int code = cli(out).run("--config", config.toString(), "--lang", "en", "backup");

    assertThat(code).isZero();
    assertThat(out.toString().split("Backing up the app database", -1)).hasSize(2);
    assertThat(out.toString()).contains("stored");
    assertThat(storedFiles()).hasSize(1);
  }

  @Test
  void aLineThatPicocliRefusesAfterTheEarlyOpenLeavesNothing() throws Exception {
    Path config = config();
    StringWriter out = new StringWriter();

    // a plain `backup` to the pre-scan, a usage error to picocli (--config has no value)
    int code = cli(out).run("--config=" + config, "--lang", "en", "backup", "--config");

    assertThat(code).isEqualTo(2);
    assertThat(storedFiles()).isEmpty();
    assertThat(dumpTools()).isEmpty();
  }

  @Test
  void aSystemClosedWithoutTheBackupKeepsNothing() throws Exception {
    try (ThingyanSystem system = Standalone.openForBackup(ConfigLoader.load(config()), p -> { })) {
      assertThat(system.backupDatabase().list()).isEmpty();
    }
    assertThat(storedFiles()).isEmpty();
    assertThat(dumpTools()).isEmpty();
  }

  @Test
  void whenTheJournalLockIsHeldTheBackupIsRefusedAndTheEarlyDumpDropped() throws Exception {
    Path config = config();
    try (var pool = journalPool(config)) {
      JournalDatabase journal = JournalDatabase.open(pool);
      LockHolder other = new LocalHost(Clock.systemUTC()).self(Duration.ofMinutes(5));
      assertThat(journal.runLock().tryAcquire(other, Optional.empty())).isTrue();
      try (ThingyanSystem system = Standalone.openForBackup(ConfigLoader.load(config), p -> { })) {
        assertThatThrownBy(() -> system.backupDatabase().backup(ACTOR, p -> { }))
            .isInstanceOf(RunRefusedException.class).hasMessageContaining("journal lock");
        assertThat(system.backupDatabase().list()).isEmpty();
      }
      journal.runLock().release(other);
    }
    assertThat(storedFiles()).isEmpty();
    assertThat(dumpTools()).isEmpty();
  }

  @Test
  void aRecoveryWithWorkToDoDropsTheEarlyDumpAndTheBackupIsTakenAfterIt() throws Exception {
    Path config = config();
    try (var pool = journalPool(config)) {
      // a run a killed process left in its first state: recovery ends it
      JournalDatabase.open(pool).runJournal().create(new NewRun(RunId.random(), RunKind.UPDATE,
          Optional.empty(), Optional.of(Version.parse("v1.1.0")), ACTOR, Instant.now(), RunOptions.DEFAULT));
    }
    try (ThingyanSystem system = Standalone.openForBackup(ConfigLoader.load(config), p -> { })) {
      assertThat(system.recoverRuns().recover()).isPresent();
      Instant recovered = Instant.now();

      BackupRecord backup = system.backupDatabase().backup(ACTOR, p -> { });

      // the early dump began before the recovery; the backup's dump after it
      assertThat(backup.createdAt()).isAfterOrEqualTo(recovered);
      assertThat(storedFiles()).containsExactly(backup.storeKey());
    }
  }

  @Test
  void noDumpBeginsWhileALiveProcessHoldsThisHostsRunLock() throws Exception {
    var config = ConfigLoader.load(config());
    FileRunLock lock = new FileRunLock(config.app().stateDir().resolve("lock"));
    LockHolder holder = new LocalHost(Clock.systemUTC()).self(Duration.ofMinutes(5));
    assertThat(lock.tryAcquire(holder, Optional.empty())).isTrue();
    try {
      Optional<EarlyBackup> begun = begin(lock, p -> { });
      assertThat(begun).isEmpty();
      assertThat(dumpTools()).isEmpty();
    } finally {
      lock.release(holder);
    }
  }

  @Test
  void cancellingADumpBlockedOnALockStopsItAtOnce() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    try (Connection app = DriverManager.getConnection(db.url(), "postgres", "")) {
      // an app's open transaction holding the table: pg_dump waits for its lock, writing nothing
      app.setAutoCommit(false);
      app.createStatement().execute("LOCK TABLE bookings IN ACCESS EXCLUSIVE MODE");
      EarlyBackup begun = begin(new FileRunLock(state.resolve("lock")), p -> {}).orElseThrow();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (dumpTools().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(dumpTools()).as("pg_dump started and waits").isNotEmpty();
      Thread.sleep(500);

      long start = System.nanoTime();
      begun.cancel();
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(took).as("a blocked dump writes nothing: only killing its tools stops it").isLessThan(Duration.ofSeconds(5));
      assertThat(dumpTools()).isEmpty();
      assertThat(storedFiles()).isEmpty();
      app.rollback();
    }
  }

  @Test
  void cancellingMidDumpStopsTheToolsAndDropsThePartialUpload() throws Exception {
    // ~70 MB of dump, ~35 MB stored: seconds of dumping, cancelled in its first megabytes
    db.sql("INSERT INTO bookings (guest) SELECT md5(g::text) || ' ' || md5((g * 7)::text)"
        + " FROM generate_series(1, 800000) g");
    Path state = Files.createDirectories(dir.resolve("state"));
    List<Long> progress = new CopyOnWriteArrayList<>();
    EarlyBackup begun = begin(new FileRunLock(state.resolve("lock")), progress::add).orElseThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (progress.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(progress).as("the dump is flowing").isNotEmpty();

    long atCancel = progress.get(progress.size() - 1);

    begun.cancel();

    long written = progress.get(progress.size() - 1);
    assertThat(written - atCancel).as("bytes stored after the cancel").isLessThan(1L << 20);
    assertThat(dumpTools()).isEmpty();
    assertThat(storedFiles()).isEmpty();
  }

  private static Main cli(StringWriter out) {
    CliEnvironment env = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
        Map.of(), "tester", ZoneId.of("Asia/Yangon"));
    return new Main(Standalone::open, Standalone::openForBackup, (a, lang, o, e) -> 0, env);
  }

  /** An early dump of the test database into {@code dir/backups}, as the builder begins one. */
  private Optional<EarlyBackup> begin(RunLock lock, LongConsumer progress) throws Exception {
    return EarlyBackup.beginUnlessLocked(new PostgresDumper(new ConnectionSettings(db.url(), "postgres", "")),
        new LocalFolderBackupStore(Files.createDirectories(dir.resolve("backups"))),
        new ZstdBackupCodec(ZstdProgram.onPath()), Clock.systemUTC(), lock,
        new LocalHost(Clock.systemUTC()), Duration.ofMinutes(5), Duration.ofHours(2), progress);
  }

  /** A pool on the journal the configuration names (a second opener, through AUTO_SERVER). */
  private static HikariDataSource journalPool(Path config) {
    return DataSources.journalPool(new ConnectionSettings(ConfigLoader.load(config).journal().url(), "", ""));
  }

  /** Every file in the backup folder, hidden partial uploads included. */
  private List<String> storedFiles() throws Exception {
    Path backups = dir.resolve("backups");
    if (!Files.isDirectory(backups)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(backups)) {
      return files.filter(Files::isRegularFile).map(p -> backups.relativize(p).toString()).toList();
    }
  }

  private static List<String> dumpTools() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .map(p -> p.info().command().orElse("?"))
        .filter(c -> c.endsWith("pg_dump") || c.endsWith("zstd"))
        .toList();
  }

  private Path config() throws Exception {
    Path releases = Files.createDirectories(dir.resolve("releases-feed"));
    return Files.writeString(dir.resolve("thingyan.yaml"), String.join("\n",
        "app:", "  root: " + dir.resolve("app"),
        "journal:", "  url: \"jdbc:h2:file:" + dir.resolve("journal/thingyan") + ";AUTO_SERVER=TRUE\"",
        "source:", "  type: folder", "  folder:", "    path: " + releases,
        "verify:", "  allow_unsigned: true",
        "health:", "  checks:", "    - {type: database}",
        "database:", "  engine: postgresql", "  url: " + db.url(), "  user: postgres",
        "backup:", "  local:", "    path: " + dir.resolve("backups"), ""));
  }
}

package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper;
import dev.thingyan.ports.out.DumpCompressor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dumps and restores a MariaDB (or MySQL) database with {@code mariadb-dump} (or {@code
 * mysqldump}), streamed from the tool into the caller's stream, or through a compressor in one
 * operating-system pipeline. The stored dump is the tool's own output, untouched: the DEFINER
 * clauses and GTID statements that need SUPER are neutralised when a dump is loaded ({@link
 * MariaDbDumpFilter} in {@link MariaDbLoad}), not when it is taken. So the dump can go from the
 * tool to the compressor without passing through this JVM, a backup taken before a filter fix
 * restores with the fix, and a person restoring by hand with SUPER gets exactly what mariadb-dump
 * wrote. A restore
 * goes through a scratch database first (see {@link MariaDbRestore}). The configured user needs ALL on the app's database and on {@code
 * `thingyan\_%`.*} for scratch databases; with binary logging on, restoring stored functions and
 * triggers without SUPER also needs {@code log_bin_trust_function_creators=1}.
 */
public final class MariaDbDumper implements DatabaseDumper {

  private static final Logger LOG = LoggerFactory.getLogger(MariaDbDumper.class);

  private final ConnectionSettings settings;
  private final DatabaseAddress address;
  private final Binaries binaries;
  private final Duration lockWait;
  private final Map<String, String> environment;

  /** Uses {@code mariadb-dump} and {@code mariadb} (or the {@code mysql} names) from the PATH. */
  public MariaDbDumper(ConnectionSettings settings) {
    this(settings, Optional.empty());
  }

  /**
   * @param settings a {@code jdbc:mariadb://} or {@code jdbc:mysql://host[:port]/database} URL and
   *     its credentials
   * @param binaries the folder of the client tools; empty means the {@code PATH}
   */
  public MariaDbDumper(ConnectionSettings settings, Optional<Path> binaries) {
    this(settings, binaries, MariaDbLocks.WAIT, Map.of());
  }

  /**
   * For tests.
   *
   * @param lockWait how long a restore waits for another connection's lock on a table
   * @param environment variables set for the client tools on top of this JVM's, e.g. {@code HOME}
   */
  MariaDbDumper(
      ConnectionSettings settings,
      Optional<Path> binaries,
      Duration lockWait,
      Map<String, String> environment) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.lockWait = Objects.requireNonNull(lockWait, "lockWait");
    this.environment = Map.copyOf(environment);
    this.address = DatabaseAddress.mariadb(settings.jdbcUrl());
    this.binaries =
        new Binaries(
            Objects.requireNonNull(binaries, "binaries"),
            "install the MariaDB client tools (Debian: mariadb-client)");
  }

  @Override
  public boolean restoreIsAtomic() {
    return false; // MariaDB commits DDL as it goes: a restore that fails while it drops and moves may leave part done
  }

  @Override
  public String engine() {
    return "mariadb";
  }

  @Override
  public String databaseName() {
    return address.database();
  }

  @Override
  public Optional<String> schemaVersion() {
    try (Connection c = AppJdbc.connect(settings, settings.jdbcUrl())) {
      return AppSchemaVersion.read(c, AppSchemaVersion.MARIADB);
    } catch (SQLException e) {
      // a backup without a schema version is still a backup; say so and carry on
      LOG.warn("could not read the schema version of {}: {}", address, BoundedCall.describe(e));
      return Optional.empty();
    }
  }

  @Override
  public void dump(OutputStream out, ProgressSink progress, StopSignal stop) {
    long start = System.nanoTime();
    try (MariaDbClient client = client();
        ChildProcess dump = client.dump(address.database())) {
      stop.onStop(dump::kill);
      dump.stdin().close();
      DumpTrailer trailer = new DumpTrailer(out);
      long bytes = stream(dump, trailer, progress);
      int code = dump.waitFor();
      if (code != 0) {
        throw new BackupException(dump.failure(code) + "; no backup was made. " + advice());
      }
      if (bytes == 0 || !trailer.completed()) {
        throw new BackupException(
            "the dump of "
                + address
                + (bytes == 0 ? " is empty" : " ends without the '-- Dump completed' line")
                + "; no backup was made");
      }
      dump.logWarnings(address.toString());
      LOG.info(
          "dumped {} ({} bytes) in {} ms", address, bytes, (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      throw new BackupException(
          "reading the dump tool's output failed (" + e.getMessage() + "); no backup was made", e);
    }
  }

  /**
   * The trailer line cannot be checked here: the JVM sees only compressed bytes, and decompressing
   * the whole dump to find its last line would cost the CPU the pipeline saves. What remains shows
   * a whole dump: mariadb-dump writes its trailer exactly when it gets to the end, and it exits 0
   * only then (killed: a signal status; the server or the pipe failing: exit 2 or 3), and every
   * process's exit status is checked. Every restore and {@code backup verify} still refuses a dump
   * without the trailer ({@link MariaDbLoad}).
   */
  @Override
  public void dump(OutputStream out, ProgressSink progress, DumpCompressor compressor, StopSignal stop) {
    long start = System.nanoTime();
    try (MariaDbClient client = client()) {
      List<ChildProcess> stages = client.dumpPiped(address.database(), compressor.command());
      stop.onStop(() -> stages.forEach(ChildProcess::kill));
      try {
        byte[] head = new PipedDump(stages, compressor, address.toString()).copyTo(out, progress, advice());
        if (head.length == 0) {
          throw new BackupException("the dump of " + address + " is empty; no backup was made");
        }
      } finally {
        stages.forEach(ChildProcess::close);
      }
      LOG.info("dumped {} through {} in {} ms", address, compressor.name(),
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  private long stream(ChildProcess dump, OutputStream out, ProgressSink progress)
      throws IOException {
    try {
      return Pump.copy(dump.stdout(), out, progress);
    } catch (Pump.SinkFailed e) {
      throw storeFailed(dump, e.getCause());
    }
  }

  /** The store failed (full, gone): stop the dump now rather than let it run on unread. */
  private BackupException storeFailed(ChildProcess dump, Throwable e) {
    dump.kill();
    return new BackupException(
        "writing the dump of "
            + address
            + " failed ("
            + e.getMessage()
            + "); the dump was stopped and no backup was made. Check the backup store",
        e);
  }

  @Override
  public void restore(InputStream in, ProgressSink progress) {
    try (MariaDbClient client = client()) {
      new MariaDbRestore(client, settings, address, lockWait).restore(in, progress);
    }
  }

  @Override
  public String verifyRestore(InputStream in, ProgressSink progress) {
    MariaDbObjects objects = new MariaDbObjects(settings);
    String scratch = MariaDbScratch.create(objects, "verify", address.database(), address);
    try (MariaDbClient client = client()) {
      new MariaDbLoad(client).load(in, scratch, progress, "the backup");
      return objects.count(scratch);
    } catch (BackupException e) {
      throw new BackupException(e.getMessage() + "; the backup does not restore", e);
    } catch (SQLException e) {
      throw new BackupException("the restored copy cannot be read: " + BoundedCall.describe(e), e);
    } finally {
      MariaDbScratch.drop(objects, scratch);
    }
  }

  private MariaDbClient client() {
    return new MariaDbClient(settings, address, binaries, lockWait, environment);
  }

  private String advice() {
    return "Check that the server runs at "
        + address.host()
        + ":"
        + address.port()
        + ", that database "
        + address.database()
        + " exists, and that the configured user and"
        + " password are right";
  }

  @Override
  public String toString() {
    return "mariadb " + address;
  }
}

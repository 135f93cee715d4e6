package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper;
import dev.thingyan.ports.out.DumpCompressor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dumps and restores a PostgreSQL database with {@code pg_dump --format=custom}, streamed straight
 * from the tool into the caller's stream, or through a compressor in one operating-system pipeline
 * ({@link PipedDump}). A restore replaces the database's whole content in one
 * transaction (see {@link PostgresRestore}); the configured user must own the database, and needs
 * {@code CREATEDB} for {@link #verifyRestore}. The client tools must be as new as the server.
 */
public final class PostgresDumper implements DatabaseDumper {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresDumper.class);
  private static final byte[] MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);

  /*
   * --compress=0: zstd compresses the stream next; gzip first would cost CPU and leave zstd
   * nothing to gain. Owners and grants stay in the archive (a person restoring by hand may want
   * them); our restores leave them out. --lock-wait-timeout: a migration holding a lock makes the
   * backup fail in time instead of hanging the update.
   */
  private static final List<String> DUMP_ARGS =
      List.of("--format=custom", "--compress=0", "--lock-wait-timeout=60000");

  private final ConnectionSettings settings;
  private final DatabaseAddress address;
  private final Binaries binaries;

  /** Uses {@code pg_dump}, {@code pg_restore} and {@code psql} from the {@code PATH}. */
  public PostgresDumper(ConnectionSettings settings) {
    this(settings, Optional.empty());
  }

  /**
   * @param settings a {@code jdbc:postgresql://host[:port]/database} URL and its credentials
   * @param binaries the folder of {@code pg_dump}, {@code pg_restore} and {@code psql}, e.g. {@code
   *     /usr/lib/postgresql/16/bin}; empty means the {@code PATH}
   */
  public PostgresDumper(ConnectionSettings settings, Optional<Path> binaries) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.address = DatabaseAddress.postgres(settings.jdbcUrl());
    this.binaries =
        new Binaries(
            Objects.requireNonNull(binaries, "binaries"),
            "install the PostgreSQL client tools (Debian: postgresql-client), as new as the"
                + " server");
  }

  @Override
  public boolean restoreIsAtomic() {
    return true; // one transaction: dropped schemas and the archive commit together or not at all
  }

  @Override
  public String engine() {
    return "postgresql";
  }

  @Override
  public String databaseName() {
    return address.database();
  }

  @Override
  public Optional<String> schemaVersion() {
    try (Connection c = AppJdbc.connect(settings, settings.jdbcUrl())) {
      return AppSchemaVersion.read(c, AppSchemaVersion.POSTGRES);
    } catch (SQLException e) {
      // a backup without a schema version is still a backup; say so and carry on
      LOG.warn("could not read the schema version of {}: {}", address, BoundedCall.describe(e));
      return Optional.empty();
    }
  }

  @Override
  public void dump(OutputStream out, ProgressSink progress, StopSignal stop) {
    long start = System.nanoTime();
    try (PostgresClient client = client();
        ChildProcess dump = client.connected("pg_dump", address.database(), DUMP_ARGS)) {
      stop.onStop(dump::kill);
      dump.stdin().close();
      long bytes = stream(dump, out, progress);
      int code = dump.waitFor();
      if (code != 0) {
        throw new BackupException(dump.failure(code) + "; no backup was made. " + advice());
      }
      if (bytes == 0) {
        throw new BackupException("pg_dump wrote nothing for " + address + "; no backup was made");
      }
      dump.logWarnings(address.toString());
      LOG.info(
          "dumped {} ({} bytes) in {} ms", address, bytes, (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      throw new BackupException(
          "reading pg_dump's output failed (" + e.getMessage() + "); no backup was made", e);
    }
  }

  @Override
  public void dump(OutputStream out, ProgressSink progress, DumpCompressor compressor, StopSignal stop) {
    long start = System.nanoTime();
    try (PostgresClient client = client()) {
      List<ChildProcess> stages =
          client.connectedPiped("pg_dump", address.database(), DUMP_ARGS, compressor.command());
      stop.onStop(() -> stages.forEach(ChildProcess::kill));
      try {
        byte[] head = new PipedDump(stages, compressor, address.toString()).copyTo(out, progress, advice());
        requireArchive(head);
      } finally {
        stages.forEach(ChildProcess::close);
      }
      LOG.info("dumped {} through {} in {} ms", address, compressor.name(),
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  private void requireArchive(byte[] head) {
    if (head.length == 0) {
      throw new BackupException("pg_dump wrote nothing for " + address + "; no backup was made");
    }
    if (!Arrays.equals(head, 0, Math.min(head.length, MAGIC.length), MAGIC, 0, MAGIC.length)) {
      throw notAnArchive();
    }
  }

  private BackupException notAnArchive() {
    return new BackupException(
        "pg_dump's output for "
            + address
            + " is not a custom-format archive; no backup was made. Check that pg_dump is"
            + " PostgreSQL's");
  }

  /** Copies the archive through, refusing output that is not a custom-format archive. */
  private long stream(ChildProcess dump, OutputStream out, ProgressSink progress)
      throws IOException {
    InputStream archive = dump.stdout();
    byte[] head = archive.readNBytes(MAGIC.length);
    if (head.length == 0) {
      return 0;
    }
    if (!Arrays.equals(head, MAGIC)) {
      dump.kill();
      throw notAnArchive();
    }
    try {
      out.write(head);
    } catch (IOException | RuntimeException e) {
      throw storeFailed(dump, e);
    }
    try {
      return head.length + Pump.copy(archive, out, done -> progress.bytes(head.length + done));
    } catch (Pump.SinkFailed e) {
      throw storeFailed(dump, e.getCause());
    }
  }

  /** The store failed (full, gone): stop pg_dump now rather than let it run on unread. */
  private BackupException storeFailed(ChildProcess dump, Throwable e) {
    dump.kill();
    return new BackupException(
        "writing the dump of "
            + address
            + " failed ("
            + e.getMessage()
            + "); pg_dump was stopped and no backup was made. Check the backup store",
        e);
  }

  @Override
  public void restore(InputStream in, ProgressSink progress) {
    try (PostgresClient client = client()) {
      new PostgresRestore(client, settings, address).restore(in, progress);
    }
  }

  @Override
  public String verifyRestore(InputStream in, ProgressSink progress) {
    try (PostgresClient client = client()) {
      return new PostgresVerify(client, settings, address).verify(in, progress);
    }
  }

  private PostgresClient client() {
    return new PostgresClient(settings, address, binaries);
  }

  private String advice() {
    return "Check that PostgreSQL runs at "
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
    return "postgresql " + address;
  }
}

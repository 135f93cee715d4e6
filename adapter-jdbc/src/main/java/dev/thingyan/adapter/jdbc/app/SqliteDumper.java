package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper;
import dev.thingyan.ports.out.DumpCompressor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dumps and restores a SQLite database file. A dump is {@code VACUUM INTO} a scratch file (a
 * consistent snapshot, even while the app writes in WAL mode), checked with {@code PRAGMA
 * integrity_check}, then streamed out. The scratch files are full copies of the guests' data:
 * {@link SqliteScratch} keeps them owner-only and removes those an interrupted run left behind. A
 * restore checks the dump, then writes it into the live database with SQLite's backup API
 * ({@link SqliteRestore}): afterwards the database is exactly the dump, a table a later migration
 * added is gone, and connections the app still holds see the restored content.
 */
public final class SqliteDumper implements DatabaseDumper {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteDumper.class);

  /** How long a restore waits for the app's connections to release the database. */
  private static final Duration RESTORE_BUSY_TIMEOUT = Duration.ofSeconds(10);

  private final Path database;
  private final Path scratchDir;
  private final SqliteScratch scratch;

  /**
   * @param database the app's SQLite file, e.g. {@code shared/database/database.sqlite}
   * @param scratchDir where the snapshot is written before it streams out; needs room for one copy
   *     of the database
   */
  public SqliteDumper(Path database, Path scratchDir) {
    this.database = Objects.requireNonNull(database, "database").toAbsolutePath().normalize();
    this.scratchDir = Objects.requireNonNull(scratchDir, "scratchDir").toAbsolutePath();
    this.scratch = new SqliteScratch(this.scratchDir);
  }

  @Override
  public boolean restoreIsAtomic() {
    // the checked copy is written in one transaction through SQLite's backup API; only a file
    // that is no SQLite database at all is moved aside (kept) before the copy
    return true;
  }

  @Override
  public String engine() {
    return "sqlite";
  }

  @Override
  public String databaseName() {
    return database.getFileName().toString();
  }

  @Override
  public Optional<String> schemaVersion() {
    if (!Files.isReadable(database)) {
      return Optional.empty();
    }
    return new SqliteSchemaVersion(database).read();
  }

  /**
   * The snapshot is local work bounded by SQLite's busy timeout, and the copy a local file read:
   * neither blocks on anything that {@code stop} would need to end.
   */
  @Override
  public void dump(OutputStream out, ProgressSink progress, StopSignal stop) {
    dump(
        snapshot -> {
          try (InputStream in = Files.newInputStream(snapshot)) {
            SqliteFiles.copy(in, out, progress);
          }
        });
  }

  /** The compressor reads the snapshot file itself: its bytes never pass through this JVM. */
  @Override
  public void dump(OutputStream out, ProgressSink progress, DumpCompressor compressor, StopSignal stop) {
    dump(
        snapshot -> {
          ProcessBuilder builder =
              new ProcessBuilder(compressor.command()).redirectInput(snapshot.toFile());
          List<ChildProcess> stages =
              ChildProcess.pipeline(List.of(compressor.name()), List.of(builder), "");
          stop.onStop(() -> stages.forEach(ChildProcess::kill));
          try {
            byte[] head =
                new PipedDump(stages, compressor, database.toString())
                    .copyTo(out, progress, "Check free space and permissions in " + scratchDir);
            if (!Arrays.equals(head, SqliteFiles.MAGIC)) {
              throw new BackupException(
                  "the compressed snapshot of " + database + " is not a SQLite file; no backup was made");
            }
          } finally {
            stages.forEach(ChildProcess::close);
          }
        });
  }

  /** What is done with the checked snapshot. */
  @FunctionalInterface
  private interface SnapshotCopy {
    void copy(Path snapshot) throws IOException;
  }

  private void dump(SnapshotCopy copy) {
    requireReadableDatabase();
    Path snapshot = null;
    try {
      // created empty and owner-only: VACUUM INTO writes into an empty file and keeps its mode
      snapshot = scratch.newFile("dump");
      vacuumInto(snapshot);
      SqliteFiles.requireIntact(snapshot, "the snapshot of " + database);
      long size = Files.size(snapshot);
      if (size == 0) {
        throw new BackupException("the snapshot of " + database + " is empty; no backup was made");
      }
      copy.copy(snapshot);
      LOG.debug("dumped {} ({} bytes)", database, size);
    } catch (IOException e) {
      throw new BackupException(
          "could not dump "
              + database
              + " through "
              + scratchDir
              + ": "
              + e.getMessage()
              + "; check free space and permissions there",
          e);
    } finally {
      if (snapshot != null) {
        SqliteFiles.deleteQuietly(snapshot);
      }
    }
  }

  private void vacuumInto(Path snapshot) {
    try (Connection c = SqliteFiles.open(database, true);
        PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
      s.setString(1, snapshot.toString());
      s.execute();
    } catch (SQLException e) {
      throw new BackupException(
          "SQLite could not snapshot "
              + database
              + ": "
              + e.getMessage()
              + "; check that the file is a healthy SQLite database and "
              + scratchDir
              + " is writable",
          e);
    }
  }

  private void requireReadableDatabase() {
    if (!Files.isRegularFile(database) || !Files.isReadable(database)) {
      throw new BackupException(
          "the SQLite database "
              + database
              + " does not exist or cannot be"
              + " read; check the configured database path and its permissions");
    }
  }

  @Override
  public void restore(InputStream in, ProgressSink progress) {
    new SqliteRestore(database, scratch, RESTORE_BUSY_TIMEOUT).restore(in, progress);
  }

  @Override
  public String verifyRestore(InputStream in, ProgressSink progress) {
    Path copy = null;
    try {
      copy = scratch.newFile("verify");
      try (OutputStream out = Files.newOutputStream(copy)) {
        SqliteFiles.copy(in, out, progress);
      }
      SqliteFiles.requireIntact(copy, "the restored copy");
      return summarize(copy);
    } catch (IOException e) {
      throw new BackupException("could not restore the backup into " + scratchDir + ": " + e.getMessage()
          + "; check free space there", e);
    } finally {
      if (copy != null) {
        SqliteFiles.deleteQuietly(copy);
      }
    }
  }

  private static String summarize(Path file) {
    try (Connection c = SqliteFiles.open(file, true);
        var tables = c.createStatement().executeQuery(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
      int count = 0;
      long rows = 0;
      java.util.List<String> names = new java.util.ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString(1));
      }
      for (String name : names) {
        try (var r = c.createStatement().executeQuery("SELECT count(*) FROM \"" + name.replace("\"", "\"\"") + "\"")) {
          rows += r.next() ? r.getLong(1) : 0;
        }
        count++;
      }
      if (count == 0) {
        throw new BackupException("the backup restores to a database without tables");
      }
      return count + " tables, " + rows + " rows";
    } catch (SQLException e) {
      throw new BackupException("the restored copy cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "sqlite " + database;
  }
}

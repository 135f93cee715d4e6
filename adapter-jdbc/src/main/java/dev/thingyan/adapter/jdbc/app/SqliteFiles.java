package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite file chores for the dumper: connections, the integrity check, copying, fsync. */
final class SqliteFiles {

  /** The first 16 bytes of every SQLite database file. */
  static final byte[] MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static final int BUFFER = 64 * 1024;
  private static final long PROGRESS_EVERY = 4L << 20;

  private SqliteFiles() {}

  /** Opens without ever creating the file: a wrong path must fail, not make an empty database. */
  static Connection open(Path file, boolean readOnly) throws SQLException {
    return open(file, readOnly, 10_000);
  }

  /**
   * @param busyMillis how long a statement waits for another connection's lock before it fails
   *     with {@code SQLITE_BUSY}
   */
  static Connection open(Path file, boolean readOnly, int busyMillis) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(readOnly);
    config.setBusyTimeout(busyMillis);
    config.resetOpenMode(org.sqlite.SQLiteOpenMode.CREATE);
    return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  /**
   * @throws BackupException naming {@code what} unless {@code PRAGMA integrity_check} says ok
   */
  static void requireIntact(Path file, String what) {
    List<String> problems = new ArrayList<>();
    try (Connection c = open(file, true);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check(20)")) {
      while (rs.next()) {
        problems.add(rs.getString(1));
      }
    } catch (SQLException e) {
      if (e instanceof SQLiteException lite
          && lite.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
        throw new BackupException(what + " is not a SQLite database file; nothing was changed", e);
      }
      // a page too damaged to read ends the check with an error instead of a row
      throw new BackupException(
          what + " failed SQLite's integrity check (" + e.getMessage() + "); nothing was changed",
          e);
    }
    if (!problems.equals(List.of("ok"))) {
      throw new BackupException(
          what
              + " failed SQLite's integrity check: "
              + String.join("; ", problems)
              + "; nothing was changed");
    }
  }

  /**
   * @return bytes copied; progress is told every few megabytes and at the end
   */
  static long copy(InputStream in, OutputStream out, ProgressSink progress) throws IOException {
    byte[] buffer = new byte[BUFFER];
    long done = 0;
    long nextReport = PROGRESS_EVERY;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
      done += n;
      if (done >= nextReport) {
        progress.bytes(done);
        nextReport += PROGRESS_EVERY;
      }
    }
    progress.bytes(done);
    return done;
  }

  /** Forces a file or a folder to disk, so a rename after it cannot expose unwritten data. */
  static void fsync(Path path, boolean folder) throws IOException {
    try (FileChannel channel =
        FileChannel.open(path, folder ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the next dump removes it once it is stale (SqliteScratch)
    }
  }
}

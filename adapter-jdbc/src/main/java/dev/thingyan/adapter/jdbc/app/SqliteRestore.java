package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Restores a SQLite database from a dump: the dump is written to a scratch file and checked with
 * {@code PRAGMA integrity_check}, then copied INTO the live database with SQLite's online backup
 * API, as one write transaction.
 *
 * <p>Why not rename a new file over the database: the app's queue workers and a long-running
 * server keep the database open through maintenance (and a rollback restarts the app before the
 * restore), and every such connection would go on reading and writing the old, unlinked file and
 * its WAL: a booking written after the "restore" would be silently lost. Written through SQLite,
 * the restored content is what every connection sees from its next transaction on; the file keeps
 * its inode, owner and permissions, and a WAL database stays in WAL mode (the backup API marks the
 * copied header so). A failure, or a crash midway, rolls the transaction back and leaves the
 * database as it was; afterwards the database holds exactly the dump's pages, so a table or row
 * added since the dump is gone.
 *
 * <p>The driver's restore reports success even when it could not lock the destination (it
 * returns the error code of the source connection), so success is checked: the backup API
 * stamps the destination's schema cookie with its old value plus one, and the restored schema
 * must be the dump's.
 */
final class SqliteRestore {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteRestore.class);

  private final Path database;
  private final SqliteScratch scratch;
  private final Duration busyTimeout;

  /**
   * @param busyTimeout how long the restore waits for the app's connections to release their
   *     locks before it gives up and leaves the database as it was
   */
  SqliteRestore(Path database, SqliteScratch scratch, Duration busyTimeout) {
    this.database = database;
    this.scratch = scratch;
    this.busyTimeout = busyTimeout;
  }

  void restore(InputStream in, ProgressSink progress) {
    Path staged = null;
    try {
      staged = scratch.newFile("restore");
      long size;
      try (OutputStream out = Files.newOutputStream(staged)) {
        size = SqliteFiles.copy(in, out, progress);
      }
      if (size == 0) {
        throw new BackupException(
            "the dump to restore into " + database + " is empty; nothing was changed");
      }
      SqliteFiles.requireIntact(staged, "the dump to restore into " + database);
      writeInto(staged);
      LOG.info("restored {} from a dump of {} bytes", database, size);
    } catch (IOException e) {
      throw new BackupException(
          "could not restore "
              + database
              + ": "
              + e.getMessage()
              + "; nothing was changed; check free space and permissions in "
              + scratch.folder(),
          e);
    } finally {
      if (staged != null) {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
          SqliteFiles.deleteQuietly(staged.resolveSibling(staged.getFileName() + suffix));
        }
      }
    }
  }

  private void writeInto(Path staged) throws IOException {
    createIfMissing();
    try (Connection live = SqliteFiles.open(database, false, (int) busyTimeout.toMillis())) {
      List<String> schema = SqliteStagedCopy.prepare(staged, pragma(live, "page_size"));
      long cookie = pragma(live, "schema_version");
      int rc =
          live.unwrap(SQLiteConnection.class)
              .getDatabase()
              // no retries of our own: the connection's busy timeout is the bound
              .restore("main", staged.toString(), null, 0, 0, -1);
      if (rc != SQLiteErrorCode.SQLITE_OK.code
          || pragma(live, "schema_version") != cookie + 1
          || !SqliteStagedCopy.schema(live).equals(schema)) {
        throw notRestored(null);
      }
      checkpoint(live);
    } catch (SQLException e) {
      throw notRestored(e);
    }
  }

  /** {@code cause} is null when the driver reported success but the database is unchanged. */
  private BackupException notRestored(SQLException cause) {
    String why = cause == null ? "" : " (" + cause.getMessage() + ")";
    if (cause != null && !isBusy(cause)) {
      return new BackupException(
          "SQLite could not write the backup into "
              + database
              + why
              + "; the database was left as it was; check free space and permissions in "
              + database.getParent()
              + " and "
              + scratch.folder()
              + ", then run the restore again",
          cause);
    }
    return new BackupException(
        "SQLite could not write the backup into "
            + database
            + why
            + ": another process kept the database locked for more than "
            + busyTimeout.toSeconds()
            + " s, or the disk is full; the database was left as it was. Stop the app's queue"
            + " workers and server (they keep the database open through maintenance), check"
            + " free space in "
            + database.getParent()
            + ", then run the restore again",
        cause);
  }

  private static boolean isBusy(SQLException e) {
    if (!(e instanceof SQLiteException lite)) {
      return false;
    }
    int primary = lite.getResultCode().code & 0xff;
    return primary == SQLiteErrorCode.SQLITE_BUSY.code
        || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
  }

  /**
   * A database SQLite cannot open at all (not a database any more) cannot be written through
   * SQLite: it is moved aside, never deleted, with its side files, and the dump is restored into a
   * new file with its permissions. A lost database file is restored into a new, owner-only one.
   */
  private void createIfMissing() throws IOException {
    if (Files.exists(database) && readable()) {
      return;
    }
    PosixFileAttributes model = null;
    if (Files.exists(database)) {
      model = Files.readAttributes(database, PosixFileAttributes.class);
      Path aside =
          database.resolveSibling(
              database.getFileName() + ".unreadable-" + Instant.now().getEpochSecond());
      for (String suffix : new String[] {"-wal", "-shm", "-journal", ""}) {
        Path side = database.resolveSibling(database.getFileName() + suffix);
        if (Files.exists(side)) {
          Files.move(side, aside.resolveSibling(aside.getFileName() + suffix));
        }
      }
      LOG.warn("{} is not a SQLite database any more; it was moved to {}", database, aside);
    }
    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    Files.createFile(database, PosixFilePermissions.asFileAttribute(ownerOnly));
    if (model != null) {
      copyOwnership(model);
    }
  }

  /** The web server's user must still be able to write the new file. */
  private void copyOwnership(PosixFileAttributes model) {
    try {
      PosixFileAttributeView view =
          Files.getFileAttributeView(database, PosixFileAttributeView.class);
      view.setPermissions(model.permissions());
      if (!model.owner().equals(view.readAttributes().owner())) {
        view.setOwner(model.owner());
      }
      if (!model.group().equals(view.readAttributes().group())) {
        view.setGroup(model.group());
      }
    } catch (IOException e) {
      LOG.warn(
          "restored {} may have other permissions than before ({}); check that the app's"
              + " user can still write it",
          database,
          e.getMessage());
    }
  }

  private boolean readable() {
    try (Connection c = SqliteFiles.open(database, true, (int) busyTimeout.toMillis())) {
      pragma(c, "schema_version");
      return true;
    } catch (SQLException e) {
      return !(e instanceof SQLiteException lite
          && lite.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB);
    }
  }

  /**
   * The restore wrote every page to the WAL; moving them into the database file now keeps the
   * WAL from staying as large as the database. Readers may hold it back: that is not an error.
   */
  private void checkpoint(Connection live) {
    try (Statement s = live.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
      if (rs.next() && rs.getInt(1) != 0) {
        LOG.info("{} is restored; its WAL is checkpointed once the app's readers let go", database);
      }
    } catch (SQLException e) {
      LOG.info("{} is restored; its WAL is checkpointed later ({})", database, e.getMessage());
    }
  }

  static long pragma(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}

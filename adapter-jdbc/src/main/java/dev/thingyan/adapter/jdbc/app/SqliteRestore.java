package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Replaces a SQLite database file with a dump: write beside it, check it, rename over it. */
final class SqliteRestore {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteRestore.class);
  private static final String[] SIDE_FILES = {"-wal", "-shm", "-journal"};

  private final Path database;

  SqliteRestore(Path database) {
    this.database = database;
  }

  void restore(InputStream in, ProgressSink progress) {
    Path folder = database.getParent();
    Path staged = null;
    try {
      // beside the database, so the final rename stays on one file system and is atomic
      staged = Files.createTempFile(folder, "." + database.getFileName() + ".restore-", ".tmp");
      long size;
      try (OutputStream out = Files.newOutputStream(staged)) {
        size = SqliteFiles.copy(in, out, progress);
      }
      if (size == 0) {
        throw new BackupException(
            "the dump to restore into " + database + " is empty;" + " nothing was changed");
      }
      SqliteFiles.requireIntact(staged, "the dump to restore into " + database);
      copyOwnership(staged);
      SqliteFiles.fsync(staged, false);
      replace(staged);
      LOG.info("restored {} from a dump of {} bytes", database, size);
    } catch (IOException e) {
      throw new BackupException(
          "could not restore "
              + database
              + ": "
              + e.getMessage()
              + "; check free space and permissions in "
              + folder,
          e);
    } finally {
      if (staged != null) {
        SqliteFiles.deleteQuietly(staged);
      }
    }
  }

  /**
   * Stale side files go first: an old {@code -wal} beside the new file would be replayed onto it
   * and corrupt it. Then the rename, then the folder is synced so the rename survives a crash.
   */
  private void replace(Path staged) throws IOException {
    for (String suffix : SIDE_FILES) {
      Files.deleteIfExists(database.resolveSibling(database.getFileName() + suffix));
    }
    Files.move(
        staged, database, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    SqliteFiles.fsync(database.getParent(), true);
  }

  /** The web server's user must still be able to write the restored file. */
  private void copyOwnership(Path staged) {
    if (!Files.exists(database)) {
      return;
    }
    try {
      PosixFileAttributes current = Files.readAttributes(database, PosixFileAttributes.class);
      PosixFileAttributeView view =
          Files.getFileAttributeView(staged, PosixFileAttributeView.class);
      view.setPermissions(current.permissions());
      if (!current.owner().equals(view.readAttributes().owner())) {
        view.setOwner(current.owner());
      }
      if (!current.group().equals(view.readAttributes().group())) {
        view.setGroup(current.group());
      }
    } catch (IOException | UnsupportedOperationException e) {
      LOG.warn(
          "restored {} may have other permissions than before ({}); check that the app's"
              + " user can still write it",
          database,
          e.getMessage());
    }
  }
}

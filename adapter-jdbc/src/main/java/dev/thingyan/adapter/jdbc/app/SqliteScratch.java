package dev.thingyan.adapter.jdbc.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scratch folder of the SQLite dumper. Every file in it is a full copy of the hotel's
 * database, guests and all, so the folder is created owner-only (0700) and each file is created
 * empty and owner-only (0600) before SQLite writes into it: {@code VACUUM INTO} would otherwise
 * create it world-readable. A JVM killed mid-dump never runs its {@code finally}, so each new
 * scratch file first removes this class's own files older than {@link #STALE_AFTER}; younger ones
 * may belong to a dump still running, and files of any other name are never touched.
 */
final class SqliteScratch {

  /** Older than any copy still in use: a snapshot is opened for reading right after it is made. */
  static final Duration STALE_AFTER = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(SqliteScratch.class);
  private static final Pattern OURS =
      Pattern.compile(
          "thingyan-(dump|verify|restore)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"
              + "-[0-9a-f]{12}\\.sqlite(-journal|-wal|-shm)?");
  private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private final Path folder;

  SqliteScratch(Path folder) {
    this.folder = folder;
  }

  Path folder() {
    return folder;
  }

  /**
   * @param kind {@code dump}, {@code verify} or {@code restore}
   * @return a new, empty, owner-only file in the folder, after stale copies are removed
   */
  Path newFile(String kind) throws IOException {
    if (!Files.isDirectory(folder)) {
      createPrivately(folder, FOLDER, true);
    }
    removeStale();
    Path file = folder.resolve("thingyan-" + kind + "-" + UUID.randomUUID() + ".sqlite");
    createPrivately(file, FILE, false);
    return file;
  }

  /** Removes this class's files older than {@link #STALE_AFTER}; a failure is only logged. */
  void removeStale() {
    Instant cutoff = Instant.now().minus(STALE_AFTER);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        if (OURS.matcher(file.getFileName().toString()).matches()
            && Files.isRegularFile(file)
            && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
          Files.deleteIfExists(file);
          LOG.info("removed {}, a database copy left behind by an interrupted backup", file);
        }
      }
    } catch (IOException e) {
      LOG.warn("could not clean stale database copies out of {}: {}", folder, e.getMessage());
    }
  }

  private static void createPrivately(Path path, Set<PosixFilePermission> mode, boolean dir)
      throws IOException {
    FileAttribute<?>[] attrs = {PosixFilePermissions.asFileAttribute(mode)};
    try {
      if (dir) {
        Files.createDirectories(path, attrs);
      } else {
        Files.createFile(path, attrs);
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system (Windows): its ACLs are inherited from the parent folder
      if (dir) {
        Files.createDirectories(path);
      } else {
        Files.createFile(path);
      }
    }
  }
}

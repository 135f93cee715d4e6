package dev.thingyan.adapter.storage.backup;

import dev.thingyan.ports.model.StoredObject;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.BackupStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups as files in one local folder. An object is written to a hidden partial file and renamed
 * to its key only once complete and fsynced, so a crash or a failed dump never leaves something
 * that looks like a backup. Keys are plain file names (see {@link BackupKeys}).
 */
public final class LocalFolderBackupStore implements BackupStore {

  private static final Logger LOG = LoggerFactory.getLogger(LocalFolderBackupStore.class);

  private final Path dir;

  /**
   * @param dir the backup folder; created if absent (readable by this user only; its missing
   *     parents with the default rights)
   */
  public LocalFolderBackupStore(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    try {
      if (!Files.isDirectory(this.dir)) {
        Files.createDirectories(this.dir.getParent());
        try {
          if (OwnerOnlyFile.isPosix(this.dir.getParent())) {
            Files.createDirectory(this.dir, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
          } else {
            Files.createDirectory(this.dir);
          }
        } catch (FileAlreadyExistsException raced) {
          // made meanwhile (another process): used as it is
        }
      }
    } catch (IOException e) {
      throw new BackupException("Cannot create the backup folder " + this.dir + ": " + e
          + ". Create it, or make its parent writable by this service's user.", e);
    }
  }

  @Override
  public String describe() {
    return "local " + dir;
  }

  @Override
  public Upload create(String key) {
    Path target = dir.resolve(BackupKeys.validate(key));
    refuseExisting(target);
    return LocalUpload.start(dir, target);
  }

  @Override
  public InputStream open(String key) {
    Path file = dir.resolve(BackupKeys.validate(key));
    try {
      return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new BackupException("There is no backup '" + key + "' in " + dir
          + ". It was deleted or moved; pick another backup.", e);
    } catch (IOException e) {
      throw new BackupException("Cannot read the backup '" + key + "' in " + dir + ": " + e, e);
    }
  }

  @Override
  public void delete(String key) {
    Path file = dir.resolve(BackupKeys.validate(key));
    try {
      if (Files.deleteIfExists(file)) {
        syncFolder(dir);
        LOG.info("deleted backup {} from {}", key, dir);
      }
    } catch (IOException e) {
      throw new BackupException("Cannot delete the backup '" + key + "' in " + dir + ": " + e, e);
    }
  }

  @Override
  public List<StoredObject> list() {
    List<StoredObject> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (!name.startsWith(".") && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          objects.add(new StoredObject(name, Files.size(file)));
        }
      }
    } catch (IOException | SecurityException e) {
      throw new BackupException("Cannot list the backup folder " + dir + ": " + e
          + ". Check that it exists and is readable; nothing will be deleted until it is.", e);
    }
    objects.sort(Comparator.comparing(StoredObject::key));
    return objects;
  }

  @Override
  public List<String> sweepAbandoned(Instant cutoff) {
    List<Path> abandoned = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (LocalUpload.isPartial(file.getFileName().toString())
            && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
            && Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).compareTo(FileTime.from(cutoff)) < 0) {
          abandoned.add(file);
        }
      }
    } catch (IOException | SecurityException e) {
      throw new BackupException("Cannot list the backup folder " + dir + " for unfinished backups: "
          + e + ". Check that it exists and is readable.", e);
    }
    List<String> removed = new ArrayList<>();
    for (Path file : abandoned) {
      try {
        long size = Files.size(file);
        if (Files.deleteIfExists(file)) {
          removed.add(file.getFileName() + " (" + size + " bytes)");
        }
      } catch (IOException e) {
        LOG.warn("could not remove the unfinished backup file {}: {}; delete it by hand", file, e.toString());
      }
    }
    if (!removed.isEmpty()) {
      try {
        syncFolder(dir);
      } catch (IOException e) {
        LOG.warn("could not sync the backup folder {} after removing unfinished backups: {}", dir, e.toString());
      }
      LOG.info("removed unfinished backup files a stopped process left in {}: {}", dir, removed);
    }
    return removed;
  }

  private void refuseExisting(Path target) {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new BackupException("A backup named '" + target.getFileName() + "' already exists in "
          + dir + "; backups are never overwritten. Use a new backup id.");
    }
  }

  /** Makes a rename or delete in {@code folder} durable. */
  static void syncFolder(Path folder) throws IOException {
    try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}

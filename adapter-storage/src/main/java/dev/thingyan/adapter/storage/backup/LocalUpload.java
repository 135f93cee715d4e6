package dev.thingyan.adapter.storage.backup;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.thingyan.ports.model.StoredObject;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.BackupStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One object being written to {@code .<key>.partial-<random>} beside its final name, readable by
 * its owner only (a dump holds every guest's data). Commit makes it durable (fsync the file,
 * rename, fsync the folder); anything else removes the partial file, and a commit that fails after
 * the rename removes the renamed file too. A partial file a killed process left is removed by
 * {@link LocalFolderBackupStore#sweepAbandoned}.
 */
final class LocalUpload implements BackupStore.Upload {

  private static final Logger LOG = LoggerFactory.getLogger(LocalUpload.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private enum State { OPEN, COMMITTED, ABORTED }

  private final Path dir;
  private final Path target;
  private final Path partial;
  private final FileChannel channel;
  private final UploadStream stream;
  private State state = State.OPEN;

  private LocalUpload(Path dir, Path target, Path partial, FileChannel channel) {
    this.dir = dir;
    this.target = target;
    this.partial = partial;
    this.channel = channel;
    this.stream = new UploadStream(channel);
  }

  private static final String PARTIAL = ".partial-";

  static LocalUpload start(Path dir, Path target) {
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    Path partial = dir.resolve("." + target.getFileName() + PARTIAL + HexFormat.of().formatHex(random));
    try {
      return new LocalUpload(dir, target, partial, OwnerOnlyFile.isPosix(dir)
          ? FileChannel.open(partial, Set.of(CREATE_NEW, WRITE), OwnerOnlyFile.OWNER_READ_WRITE)
          : FileChannel.open(partial, CREATE_NEW, WRITE));
    } catch (IOException e) {
      throw new BackupException("Cannot start writing the backup " + target.getFileName() + " in "
          + dir + ": " + e + ". Check that the folder is writable and has free space.", e);
    }
  }

  /** @return whether {@code fileName} is the name of an upload's partial file */
  static boolean isPartial(String fileName) {
    return fileName.startsWith(".") && fileName.matches(".+\\.partial-[0-9a-f]{16}");
  }

  @Override
  public OutputStream stream() {
    return stream;
  }

  @Override
  public StoredObject commit() {
    if (state != State.OPEN) {
      throw new IllegalStateException("upload of " + target.getFileName() + " is " + state);
    }
    if (stream.failed()) {
      abort();
      throw new BackupException("The backup " + target.getFileName() + " was not stored: a write "
          + "to it failed earlier. Check the free space in " + dir + " and take the backup again.");
    }
    try {
      stream.flush();
      channel.force(true);
      channel.close();
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("a backup with this name appeared meanwhile; it is left as it is");
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      abort();
      throw new BackupException("Storing the backup " + target.getFileName() + " in " + dir
          + " failed: " + e + ". Nothing was kept; check the folder's free space and rights.", e);
    }
    try {
      LocalFolderBackupStore.syncFolder(dir);
      StoredObject stored = new StoredObject(target.getFileName().toString(), Files.size(target));
      state = State.COMMITTED;
      return stored;
    } catch (IOException e) {
      // renamed but not durable: not a backup to trust, so it must not stay looking like one
      abort();
      String removal = removeQuietly(target)
          ? "It was removed"
          : "It could not be removed: delete " + target + " by hand";
      throw new BackupException("Storing the backup " + target.getFileName() + " in " + dir
          + " failed after it was written: " + e + ". " + removal
          + "; check the folder's disk and rights.", e);
    }
  }

  private static boolean removeQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
      return true;
    } catch (IOException e) {
      LOG.warn("could not remove the unfinished backup file {}: {}", file, e.toString());
      return false;
    }
  }

  @Override
  public void abort() {
    if (state != State.OPEN) {
      return;
    }
    state = State.ABORTED;
    stream.closeQuietly();
    try {
      channel.close();
      Files.deleteIfExists(partial);
    } catch (IOException e) {
      LOG.warn("could not remove the partial backup file {}: {}; delete it by hand", partial, e.toString());
    }
  }

  @Override
  public void close() {
    abort();
  }
}

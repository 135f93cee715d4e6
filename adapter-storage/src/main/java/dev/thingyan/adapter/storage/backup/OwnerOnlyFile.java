package dev.thingyan.adapter.storage.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Files readable by their owner only: backups (a dump holds every guest's data) and the secret
 * keyset that encrypts them.
 */
final class OwnerOnlyFile {

  /** {@code rw-------}, for a new file's creation. */
  static final FileAttribute<Set<PosixFilePermission>> OWNER_READ_WRITE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private static final SecureRandom RANDOM = new SecureRandom();

  private OwnerOnlyFile() {}

  static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Writes {@code text} to {@code file}, never over an existing one, durably and all or nothing:
   * a temporary file beside it is written and fsynced, then hard-linked to {@code file} (which
   * fails when {@code file} exists, unlike a rename, which replaces it), then the folder is
   * fsynced. A crash at any point leaves either no {@code file} or the whole of it (never an
   * empty keyset that a second {@code keygen} would refuse to replace).
   *
   * @throws IOException when {@code file} exists (it is kept) or the write failed (nothing is left)
   */
  static void write(Path file, String text) throws IOException {
    Path target = file.toAbsolutePath();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    if (Files.exists(target)) {
      throw exists(target, null);
    }
    byte[] random = new byte[6];
    RANDOM.nextBytes(random);
    Path temp = parent.resolve("." + target.getFileName() + ".new-" + HexFormat.of().formatHex(random));
    try {
      Set<StandardOpenOption> create = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try (FileChannel ch = isPosix(parent) ? FileChannel.open(temp, create, OWNER_READ_WRITE)
          : FileChannel.open(temp, create)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          ch.write(bytes);
        }
        ch.force(true);
      }
      try {
        Files.createLink(target, temp);
      } catch (FileAlreadyExistsException e) {
        throw exists(target, e);
      } catch (UnsupportedOperationException noLinks) {
        // a file system without hard links: a rename that refuses an existing file (checked, then
        // renamed: not atomic against another writer, but the file is still whole or absent)
        try {
          Files.move(temp, target);
        } catch (FileAlreadyExistsException e) {
          throw exists(target, e);
        }
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    LocalFolderBackupStore.syncFolder(parent);
  }

  private static IOException exists(Path file, Throwable cause) {
    // replacing a keyset would make every backup encrypted with it unreadable
    return new IOException(file + " already exists; it is kept (the backups need it)", cause);
  }
}

package dev.thingyan.adapter.storage.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a secret file readable by its owner only, never over an existing one. */
final class OwnerOnlyFile {

  private OwnerOnlyFile() {}

  static void write(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      // replacing a keyset would make every backup encrypted with it unreadable
      throw new IOException(file + " already exists; it is kept (the backups need it)", e);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}

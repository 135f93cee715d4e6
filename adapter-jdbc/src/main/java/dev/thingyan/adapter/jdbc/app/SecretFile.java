package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.out.BackupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A credentials file readable by this user only, for a dump tool that must not see the password on
 * its command line (where {@code ps} shows it to every user). Deleted on close.
 */
final class SecretFile implements AutoCloseable {

  private final Path path;

  private SecretFile(Path path) {
    this.path = path;
  }

  static SecretFile write(String prefix, String content) {
    try {
      // created 0600 in one step: there is no moment when another user could open it
      Path path =
          Files.createTempFile(
              prefix,
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(path, content, StandardCharsets.UTF_8);
      return new SecretFile(path);
    } catch (IOException e) {
      throw new BackupException(
          "could not write the credentials file for the dump tool in "
              + System.getProperty("java.io.tmpdir")
              + " ("
              + e.getClass().getSimpleName()
              + "); check free space and permissions there",
          e);
    }
  }

  Path path() {
    return path;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // cannot happen short of a vanished temp dir; a left-over 0600 file is still private
    }
  }
}

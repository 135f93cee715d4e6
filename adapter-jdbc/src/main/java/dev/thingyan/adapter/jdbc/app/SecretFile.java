package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.out.BackupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A credentials file readable by this user only, for a dump tool that must not see the password on
 * its command line (where {@code ps} shows it to every user). Deleted on close, and at once when it
 * could not be written whole.
 */
final class SecretFile implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SecretFile.class);

  private final Path path;

  private SecretFile(Path path) {
    this.path = path;
  }

  static SecretFile write(String prefix, String content) {
    Path path;
    try {
      // created 0600 in one step: there is no moment when another user could open it
      path =
          Files.createTempFile(
              prefix,
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (IOException e) {
      throw failure(e);
    }
    try {
      Files.writeString(path, content, StandardCharsets.UTF_8);
      return new SecretFile(path);
    } catch (IOException e) {
      // a partly written file (a full disk) may hold the password: it does not outlive the error
      delete(path);
      throw failure(e);
    } catch (RuntimeException | Error e) {
      delete(path);
      throw e;
    }
  }

  private static BackupException failure(IOException e) {
    return new BackupException(
        "could not write the credentials file for the dump tool in "
            + System.getProperty("java.io.tmpdir")
            + " ("
            + e.getClass().getSimpleName()
            + "); check free space and permissions there",
        e);
  }

  Path path() {
    return path;
  }

  @Override
  public void close() {
    delete(path);
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // still 0600, but it holds a password: whoever runs the server should remove it
      LOG.warn("could not delete the credentials file {} ({}); delete it by hand", path, e.toString());
    }
  }
}

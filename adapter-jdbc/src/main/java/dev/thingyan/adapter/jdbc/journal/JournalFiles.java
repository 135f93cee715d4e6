package dev.thingyan.adapter.jdbc.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * An embedded H2 journal holds redacted reports, run logs and audit entries: owner-only like the
 * backups ({@code 0700} for its folder, {@code 0600} for its files), whatever the umask was when
 * H2 created them. A server database's files are its server's business.
 */
final class JournalFiles {
  private JournalFiles() {}

  static void restrict(DataSource dataSource) {
    String url;
    try (Connection c = dataSource.getConnection()) {
      url = c.getMetaData().getURL();
    } catch (Exception e) {
      return; // the journal opened a moment ago; nothing to restrict if it cannot say where
    }
    Path base = h2File(url);
    if (base == null || base.getParent() == null) {
      return;
    }
    Path dir = base.getParent();
    String prefix = base.getFileName().toString() + ".";
    try (Stream<Path> files = Files.list(dir)) {
      set(dir, "rwx------");
      files.filter(f -> f.getFileName().toString().startsWith(prefix))
          .forEach(f -> set(f, "rw-------"));
    } catch (IOException e) {
      // best effort: an unreadable folder is already private enough
    }
  }

  /** @return the base path of an embedded H2 file URL, or null for any other database */
  static Path h2File(String url) {
    if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
      return null;
    }
    String rest = url.substring("jdbc:h2:".length());
    int semi = rest.indexOf(';');
    rest = semi < 0 ? rest : rest.substring(0, semi);
    if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")) {
      return null;
    }
    rest = rest.startsWith("file:") ? rest.substring("file:".length()) : rest;
    return rest.isEmpty() ? null : Path.of(rest);
  }

  private static void set(Path p, String perms) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    } catch (UnsupportedOperationException | IOException e) {
      // not POSIX, or not ours
    }
  }
}

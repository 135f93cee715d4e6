package dev.thingyan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fresh app root for one {@code apply}: an empty app folder, an H2 journal, an SQLite app
 * database (backed up before the update, as always) and a thingyan.yaml. No hooks run (profile
 * generic), the release needs no migration, and the health check is the command {@code true}:
 * what is left is the update itself (check, backup, download + verify, extract, swap).
 */
final class Sandbox {
  final Path dir;
  final Path config;

  /**
   * @param source {@code github} (the bench server at {@code api}) or {@code folder}
   *     ({@code releases}, the same release folders)
   */
  Sandbox(Path dir, String source, String api, Path releases, String publicKey) throws IOException {
    this.dir = Files.createDirectories(dir);
    Path root = Files.createDirectories(dir.resolve("app"));
    Path db = dir.resolve("app.sqlite");
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      c.createStatement().execute("CREATE TABLE IF NOT EXISTS bookings (id INTEGER PRIMARY KEY, guest TEXT)");
    } catch (SQLException e) {
      throw new IOException("cannot create " + db + ": " + e.getMessage(), e);
    }
    String src = source.equals("github")
        ? "  type: github\n  github:\n    api_url: " + api + "\n    repo: bench/app\n"
        : "  type: folder\n  folder:\n    path: " + releases.toAbsolutePath() + "\n";
    config = Files.writeString(dir.resolve("thingyan.yaml"), ""
        + "app:\n"
        + "  root: " + root + "\n"
        + "  profile: generic\n"
        + "  package_asset: [\"app-*.tar.gz\"]\n"
        + "journal:\n"
        + "  url: \"jdbc:h2:file:" + dir.resolve("journal").resolve("thingyan") + ";AUTO_SERVER=TRUE\"\n"
        + "source:\n" + src
        + "verify:\n"
        + "  public_keys: [\"" + publicKey.strip() + "\"]\n"
        + "health:\n"
        + "  checks:\n"
        + "    - {type: command, run: \"true\"}\n"
        + "  retries: 1\n"
        + "  interval: 1s\n"
        + "  timeout: 10s\n"
        + "prechecks:\n"
        + "  min_free_disk: 1GB\n"
        + "database:\n"
        + "  engine: sqlite\n"
        + "  path: " + db + "\n"
        + "backup:\n"
        + "  local:\n"
        + "    path: " + dir.resolve("backups") + "\n"
        + "  keep: 3\n");
  }

  /** Deletes the sandbox (the downloaded package and the extracted release among it). */
  void delete() throws IOException {
    deleteTree(dir);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(all::add);
    }
    for (Path p : all) {
      Files.delete(p);
    }
  }
}

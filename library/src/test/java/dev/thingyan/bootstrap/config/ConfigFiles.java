package dev.thingyan.bootstrap.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes configuration files for tests: a minimal valid one, and the repository's example. */
public final class ConfigFiles {
  /** Valid and as small as possible; tests append or replace sections. */
  public static final String MINIMAL = """
      app:
        root: /srv/pms
      source:
        type: github
        github:
          repo: acme/pms
      verify:
        allow_unsigned: true
      health:
        checks: [{type: database}]
      database:
        engine: sqlite
        path: db.sqlite
      """;

  private ConfigFiles() {}

  public static Path write(Path dir, String yaml) {
    try {
      return Files.writeString(dir.resolve("thingyan.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the repository's thingyan.example.yaml (tests run in bootstrap/, one level below). */
  public static Path example() {
    Path p = Path.of("..", "thingyan.example.yaml").toAbsolutePath().normalize();
    if (!Files.exists(p)) {
      throw new IllegalStateException("thingyan.example.yaml not found at " + p);
    }
    return p;
  }
}

package dev.thingyan.bootstrap.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** The {@code source} section: where releases come from. */
public sealed interface SourceConfig {

  /**
   * {@code source.type: github}.
   *
   * @param repo {@code owner/name}
   * @param token read from {@code source.github.token_file}; never printed
   */
  record GitHub(URI apiUrl, String repo, Optional<Secret> token, boolean allowPrerelease)
      implements SourceConfig {
    public GitHub {
      Objects.requireNonNull(apiUrl, "source.github.api_url");
      Objects.requireNonNull(repo, "source.github.repo");
      Objects.requireNonNull(token, "source.github.token_file");
      if (!"https".equals(apiUrl.getScheme()) && !"http".equals(apiUrl.getScheme())) {
        throw new IllegalArgumentException("source.github.api_url: expected an http(s) URL,"
            + " e.g. https://api.github.com");
      }
      if (!repo.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
        throw new IllegalArgumentException("source.github.repo: '" + repo
            + "' is not valid; expected owner/name, e.g. acme/pms");
      }
    }
  }

  /** {@code source.type: folder}: releases copied onto the host (offline updates). */
  record Folder(Path path) implements SourceConfig {
    public Folder {
      Objects.requireNonNull(path, "source.folder.path");
    }
  }
}

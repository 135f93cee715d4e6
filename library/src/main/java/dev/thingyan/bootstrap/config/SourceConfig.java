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
   * @param totalTimeout {@code source.github.total_timeout}: the longest wait for an answer
   */
  record GitHub(URI apiUrl, String repo, Optional<Secret> token, boolean allowPrerelease,
      java.time.Duration totalTimeout) implements SourceConfig {
    /** With the default total timeout (60 s). */
    public GitHub(URI apiUrl, String repo, Optional<Secret> token, boolean allowPrerelease) {
      this(apiUrl, repo, token, allowPrerelease, java.time.Duration.ofSeconds(60));
    }

    public GitHub {
      Objects.requireNonNull(totalTimeout, "source.github.total_timeout");
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

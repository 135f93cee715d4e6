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
      String why = repoProblem(repo);
      if (why != null) {
        throw new IllegalArgumentException("source.github.repo: '" + repo
            + "' is not valid: " + why + "; expected owner/name as in the repository's URL, e.g. acme/pms");
      }
    }

    /**
     * GitHub's own naming rules, so that a typo is refused here and not as a 404 at the first
     * check: an owner is 1-39 letters, digits or single hyphens, not starting or ending with one;
     * a name is letters, digits, '.', '-', '_' (at most 100), not "." or "..", not ending ".git".
     */
    static String repoProblem(String repo) {
      int slash = repo.indexOf('/');
      if (slash < 0 || slash != repo.lastIndexOf('/')) {
        return "it must have exactly one '/'";
      }
      String owner = repo.substring(0, slash);
      String name = repo.substring(slash + 1);
      if (!owner.matches("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")) {
        return "the owner '" + owner + "' must be 1-39 letters, digits or single hyphens,"
            + " not starting or ending with a hyphen";
      }
      if (!name.matches("[A-Za-z0-9_.-]{1,100}") || name.equals(".") || name.equals("..")) {
        return "the name '" + name + "' must be 1-100 letters, digits, '.', '-' or '_'";
      }
      if (name.endsWith(".git")) {
        return "the name must not end with .git";
      }
      return null;
    }
  }

  /** {@code source.type: folder}: releases copied onto the host (offline updates). */
  record Folder(Path path) implements SourceConfig {
    public Folder {
      Objects.requireNonNull(path, "source.folder.path");
    }
  }
}

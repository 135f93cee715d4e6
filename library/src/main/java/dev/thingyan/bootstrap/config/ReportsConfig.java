package dev.thingyan.bootstrap.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code reports} section: where error reports go and how.
 *
 * @param environment {@code reports.environment}: the environment update failures are filed under
 * @param github {@code reports.github.*}; without it reports are accepted and kept, not sent
 * @param labels {@code reports.labels}: the labels every issue of this bot carries
 * @param commentInterval {@code reports.comment_interval}: at most one occurrence comment per
 *     error per interval
 * @param writeSpacing {@code reports.write_spacing}: at least 1s between writes to GitHub
 * @param inAppNamespaces {@code reports.in_app.namespaces}: function prefixes of the app's code
 * @param inAppPaths {@code reports.in_app.paths}: file path parts of the app's code
 * @param vendorPaths {@code reports.in_app.vendor}: file path parts of third-party code
 * @param basePaths {@code reports.base_paths}: install paths stripped from stack traces
 * @param keepDelivered {@code reports.keep_delivered}: how long sent reports stay in the outbox
 */
public record ReportsConfig(String environment, Optional<GitHub> github, List<String> labels,
    Duration commentInterval, Duration writeSpacing, List<String> inAppNamespaces,
    List<String> inAppPaths, List<String> vendorPaths, List<String> basePaths,
    Duration keepDelivered) {

  public ReportsConfig {
    Objects.requireNonNull(environment, "reports.environment");
    Objects.requireNonNull(github, "reports.github");
    labels = List.copyOf(labels);
    Objects.requireNonNull(commentInterval, "reports.comment_interval");
    Objects.requireNonNull(writeSpacing, "reports.write_spacing");
    inAppNamespaces = List.copyOf(inAppNamespaces);
    inAppPaths = List.copyOf(inAppPaths);
    vendorPaths = List.copyOf(vendorPaths);
    basePaths = List.copyOf(basePaths);
    Objects.requireNonNull(keepDelivered, "reports.keep_delivered");
  }

  /**
   * {@code reports.github.*}: the repository issues are filed in and the token that may write
   * them (fine-grained, Issues: read and write, on that repository only).
   */
  public record GitHub(URI apiUrl, String repo, Secret token) {
    public GitHub {
      Objects.requireNonNull(apiUrl, "reports.github.api_url");
      Objects.requireNonNull(repo, "reports.github.repo");
      Objects.requireNonNull(token, "reports.github.token_file");
    }
  }

  /** @return the token, for masking logs and hook output with it. */
  Optional<Secret> token() {
    return github.map(GitHub::token);
  }

  /** @return the default base path: the app root, with a trailing slash. */
  static List<String> defaultBasePaths(Path appRoot) {
    String root = appRoot.toString().endsWith("/") ? appRoot.toString() : appRoot + "/";
    return List.of(root);
  }
}

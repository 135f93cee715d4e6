package dev.thingyan.bootstrap.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Binds {@code reports}: GitHub Issues as the destination of error reports. */
final class ReportsBinder {
  static final List<String> DEFAULT_LABELS = List.of("thingyan");
  static final List<String> DEFAULT_NAMESPACES = List.of("App\\", "dev.thingyan.");
  static final List<String> DEFAULT_PATHS = List.of("/app/", "/src/", "/resources/js/",
      "/assets/index");
  static final List<String> DEFAULT_VENDOR = List.of("/vendor/", "node_modules", "/assets/vendor",
      "[internal");
  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}");

  private ReportsBinder() {}

  static Optional<ReportsConfig> reports(ConfigNode reports, Path appRoot) {
    reports.allowOnly(Set.of("environment", "github", "labels", "comment_interval",
        "write_spacing", "in_app", "base_paths", "keep_delivered"));
    String environment = reports.get("environment").text().orElse("production");
    Optional<ReportsConfig.GitHub> github = reports.get("github").present()
        ? github(reports.get("github")) : Optional.empty();
    List<String> labels = list(reports.get("labels"), DEFAULT_LABELS);
    labels.stream().filter(l -> l.contains(",") || l.isBlank()).findFirst().ifPresent(l ->
        reports.get("labels").problem("'" + l + "' cannot be a label (blank or with a comma)"));
    Duration interval = CoreBinder.duration(reports.get("comment_interval"), Duration.ofHours(1));
    Duration spacing = CoreBinder.duration(reports.get("write_spacing"), Duration.ofSeconds(1));
    if (spacing.compareTo(Duration.ofSeconds(1)) < 0) {
      reports.get("write_spacing").problem("must be at least 1s (GitHub's limit for writes)");
    }
    ConfigNode inApp = reports.get("in_app").allowOnly(Set.of("namespaces", "paths", "vendor"));
    List<String> basePaths = list(reports.get("base_paths"),
        ReportsConfig.defaultBasePaths(appRoot));
    Duration keep = CoreBinder.duration(reports.get("keep_delivered"), Duration.ofDays(30));
    return reports.problems().build(() -> new ReportsConfig(environment, github, labels,
        interval, spacing, list(inApp.get("namespaces"), DEFAULT_NAMESPACES),
        list(inApp.get("paths"), DEFAULT_PATHS), list(inApp.get("vendor"), DEFAULT_VENDOR),
        basePaths, keep));
  }

  private static Optional<ReportsConfig.GitHub> github(ConfigNode gh) {
    gh.allowOnly(Set.of("api_url", "repo", "token_file"));
    URI api = gh.get("api_url").parse(URI::create, "expected a URL, e.g. https://api.github.com")
        .orElse(SourceBinder.GITHUB_API);
    Optional<String> repo = gh.get("repo").required("expected owner/name, e.g. acme/pms");
    repo.filter(r -> !REPO.matcher(r).matches()).ifPresent(r ->
        gh.get("repo").problem("'" + r + "' is not owner/name, e.g. acme/pms"));
    gh.get("token_file").required("a file holding a token that may write issues (chmod 600)");
    Optional<Secret> token = SecretFiles.read(gh.get("token_file"));
    if (repo.isEmpty() || token.isEmpty()) {
      return Optional.empty();
    }
    return gh.problems().build(() -> new ReportsConfig.GitHub(api, repo.get(), token.get()));
  }

  private static List<String> list(ConfigNode node, List<String> fallback) {
    return node.present() ? CoreBinder.texts(node) : fallback;
  }
}

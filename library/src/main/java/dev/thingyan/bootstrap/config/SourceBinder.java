package dev.thingyan.bootstrap.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Binds {@code source} (where releases come from) and {@code verify} (whose signatures are trusted). */
final class SourceBinder {
  static final URI GITHUB_API = URI.create("https://api.github.com");

  private SourceBinder() {}

  static Optional<SourceConfig> source(ConfigNode source) {
    source.allowOnly(Set.of("type", "github", "folder", "app_name"));
    Optional<String> type = source.get("type").required("expected github or folder");
    if (type.isEmpty()) {
      return Optional.empty();
    }
    return switch (type.get()) {
      case "github" -> github(source.get("github"));
      case "folder" -> folder(source.get("folder"));
      default -> {
        source.get("type").problem("'" + type.get() + "' is not a source; expected github or folder");
        yield Optional.empty();
      }
    };
  }

  private static Optional<SourceConfig> github(ConfigNode gh) {
    gh.allowOnly(Set.of("api_url", "repo", "token_file", "allow_prerelease", "total_timeout"));
    URI api = gh.get("api_url").parse(URI::create, "expected a URL, e.g. https://api.github.com")
        .orElse(GITHUB_API);
    Optional<String> repo = gh.get("repo").required("expected owner/name, e.g. acme/pms");
    Optional<Secret> token = SecretFiles.read(gh.get("token_file"));
    apiUrlProblem(api, token.isPresent()).ifPresent(gh.get("api_url")::problem);
    // the value is never part of the message, only what is wrong with it
    if (token.isPresent() && !token.get().reveal().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      gh.get("token_file").problem("the file holds spaces or control characters inside the "
          + "token; it must hold the token alone");
    }
    boolean pre = gh.get("allow_prerelease").bool(false);
    java.time.Duration total = CoreBinder.duration(gh.get("total_timeout"),
        java.time.Duration.ofSeconds(60));
    return repo.flatMap(r -> gh.problems().build(() -> new SourceConfig.GitHub(api, r, token, pre,
        total)));
  }

  /**
   * The checks the GitHub client makes of its URL, made here so that a bad value is a
   * configuration error naming the key (exit 2), not a failure at start.
   */
  static Optional<String> apiUrlProblem(URI api, boolean hasToken) {
    String scheme = String.valueOf(api.getScheme()).toLowerCase(java.util.Locale.ROOT);
    if (api.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      return Optional.of("'" + api + "' is not an http(s) URL with a host; expected e.g. "
          + "https://api.github.com or https://ghe.example/api/v3");
    }
    if (api.getRawQuery() != null || api.getRawFragment() != null) {
      return Optional.of("'" + api + "' has a query or fragment; give the API's base URL only");
    }
    if (hasToken && scheme.equals("http") && !loopback(api.getHost())) {
      return Optional.of("'" + api + "' uses http with a token configured: the token would cross "
          + "the network in clear text; use https (http is accepted on loopback only, for tests)");
    }
    return Optional.empty();
  }

  private static boolean loopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return h.equalsIgnoreCase("localhost") || h.startsWith("127.") || h.equals("::1");
  }

  /**
   * {@code source.app_name}: the app a release's signature must name. Default: the GitHub
   * repository's name; a folder source has no default (any one app name is then accepted).
   */
  static Optional<String> appName(ConfigNode source, Optional<SourceConfig> bound) {
    ConfigNode node = source.get("app_name");
    Optional<String> given = node.text();
    if (given.isPresent() && !given.get().matches("[A-Za-z0-9._-]{1,100}")) {
      node.problem("'" + given.get() + "' is not a plain name (letters, digits, '.', '_', '-'), as "
          + "it appears in the trusted comment '<app> release v<version>'");
      return Optional.empty();
    }
    return given.or(() -> bound.filter(SourceConfig.GitHub.class::isInstance)
        .map(g -> ((SourceConfig.GitHub) g).repo().replaceFirst(".*/", "")));
  }

  private static Optional<SourceConfig> folder(ConfigNode folder) {
    folder.allowOnly(Set.of("path"));
    ConfigNode path = folder.get("path");
    path.required("the folder releases are copied into, e.g. /srv/pms-releases");
    Optional<Path> dir = path.pathValue();
    if (dir.isPresent() && !Files.isDirectory(dir.get())) {
      path.problem(dir.get() + " is not a folder; create it or fix the path");
    }
    return dir.map(SourceConfig.Folder::new);
  }

  static Optional<VerifyConfig> verify(ConfigNode verify, Optional<String> appName,
      ConfigNode limits) {
    verify.allowOnly(Set.of("public_keys", "allow_unsigned", "uncovered_assets"));
    List<String> keys = verify.get("public_keys").list().stream()
        .flatMap(k -> k.text().flatMap(t -> key(k, t)).stream())
        .toList();
    boolean unsigned = verify.get("allow_unsigned").bool(false);
    ConfigNode uncovered = verify.get("uncovered_assets");
    String policy = uncovered.text().orElse("refuse");
    if (!policy.equals("refuse") && !policy.equals("ignore")) {
      uncovered.problem("'" + policy + "' is not valid; expected refuse (the default) or ignore");
    }
    limits.allowOnly(Set.of("max_package_size", "max_checksums_size", "max_signature_size",
        "max_manifest_size"));
    long maxPackage = CoreBinder.size(limits.get("max_package_size"), 4L << 30);
    List<String> small = List.of("max_checksums_size", "max_signature_size", "max_manifest_size");
    List<Long> maxSmall = new java.util.ArrayList<>();
    for (int i = 0; i < small.size(); i++) {
      maxSmall.add(CoreBinder.size(limits.get(small.get(i)), VerifyConfig.DEFAULT_SMALL.get(i)));
    }
    return verify.problems().build(() -> new VerifyConfig(keys, unsigned, appName,
        policy.equals("refuse"), maxPackage, maxSmall));
  }

  /** A key given inline, or {@code file:/path/key.pub} (the key is its first non-comment line). */
  private static Optional<String> key(ConfigNode node, String text) {
    if (!text.startsWith("file:")) {
      return Optional.of(text);
    }
    Path file = node.resolve(text.substring("file:".length()));
    try {
      return Files.readAllLines(file).stream().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("untrusted comment:"))
          .findFirst()
          .or(() -> {
            node.problem(file + " holds no key; expected a minisign .pub file");
            return Optional.empty();
          });
    } catch (IOException e) {
      node.problem("cannot read " + file + " (" + e.getClass().getSimpleName()
          + "); give the path of the release signing key's .pub file");
      return Optional.empty();
    }
  }
}

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
    source.allowOnly(Set.of("type", "github", "folder"));
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
    gh.allowOnly(Set.of("api_url", "repo", "token_file", "allow_prerelease"));
    URI api = gh.get("api_url").parse(URI::create, "expected a URL, e.g. https://api.github.com")
        .orElse(GITHUB_API);
    Optional<String> repo = gh.get("repo").required("expected owner/name, e.g. acme/pms");
    Optional<Secret> token = SecretFiles.read(gh.get("token_file"));
    boolean pre = gh.get("allow_prerelease").bool(false);
    return repo.flatMap(r -> gh.problems().build(() -> new SourceConfig.GitHub(api, r, token, pre)));
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

  static Optional<VerifyConfig> verify(ConfigNode verify) {
    verify.allowOnly(Set.of("public_keys", "allow_unsigned"));
    List<String> keys = verify.get("public_keys").list().stream()
        .flatMap(k -> k.text().flatMap(t -> key(k, t)).stream())
        .toList();
    boolean unsigned = verify.get("allow_unsigned").bool(false);
    return verify.problems().build(() -> new VerifyConfig(keys, unsigned));
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

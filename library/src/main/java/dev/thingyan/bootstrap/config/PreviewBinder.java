package dev.thingyan.bootstrap.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Binds {@code health.preview}. Without it the {@code laravel} profile previews with PHP's
 * built-in server ({@link ProfileDefaults#PREVIEW_COMMAND}); other profiles have no preview. A
 * {@code url} alone means the link mode (the web server's preview site), a {@code command} alone
 * the command mode.
 */
final class PreviewBinder {
  private PreviewBinder() {}

  static Optional<PreviewConfig> preview(ConfigNode p, Optional<Profile> profile, boolean httpChecks) {
    p.allowOnly(Set.of("mode", "url", "command", "port", "start_timeout"));
    if (!p.present() && !httpChecks) {
      return Optional.of(PreviewConfig.OFF); // the profile's default needs an http check to ask the preview
    }
    boolean laravel = profile.filter(x -> x == Profile.LARAVEL).isPresent();
    Optional<URI> url = p.get("url").parse(URI::create, "expected a URL, e.g. http://127.0.0.1:8081")
        .flatMap(u -> loopback(p.get("url"), u));
    Optional<String> command = p.get("command").text().or(() -> laravel ? Optional.of(ProfileDefaults.PREVIEW_COMMAND)
        : Optional.empty());
    int port = p.get("port").integer(0, 0);
    if (port > 65535) {
      p.get("port").problem("expected 0 (a free loopback port) or 1..65535");
    }
    Duration startTimeout = CoreBinder.duration(p.get("start_timeout"), Duration.ofSeconds(20));
    Optional<PreviewConfig.Mode> mode = mode(p, url, laravel);
    if (mode.isEmpty()) {
      return Optional.empty();
    }
    if (mode.get() == PreviewConfig.Mode.OFF) {
      return Optional.of(PreviewConfig.OFF);
    }
    if (mode.get() == PreviewConfig.Mode.LINK && url.isEmpty() && !p.get("url").present()) {
      p.get("url").problem("missing; the link mode needs the address of the web server's loopback-only preview"
          + " site, e.g. http://127.0.0.1:8081 (docs/install-laravel.md has the nginx snippet)");
    }
    if (mode.get() == PreviewConfig.Mode.COMMAND && command.isEmpty()) {
      p.get("command").problem("missing; the command that serves the release, e.g. "
          + ProfileDefaults.PREVIEW_COMMAND);
    }
    if (mode.get() == PreviewConfig.Mode.COMMAND && command.isPresent() && !command.get().contains("{port}")
        && port == 0) {
      p.get("command").problem("name the port as {port} (thingyan picks a free one), or set health.preview.port");
    }
    if (!httpChecks) {
      p.problem("the preview asks the release with the http checks, and health.checks has none; add the app's"
          + " /health endpoint, or set health.preview.mode: off");
    }
    return p.problems().build(() -> new PreviewConfig(mode.get(), url, command, port, startTimeout));
  }

  private static Optional<PreviewConfig.Mode> mode(ConfigNode p, Optional<URI> url, boolean laravel) {
    Optional<String> given = p.get("mode").text();
    if (given.isPresent()) {
      return switch (given.get().toLowerCase(Locale.ROOT)) {
        // YAML 1.1 reads an unquoted off as false
        case "off", "false" -> Optional.of(PreviewConfig.Mode.OFF);
        case "link" -> Optional.of(PreviewConfig.Mode.LINK);
        case "command" -> Optional.of(PreviewConfig.Mode.COMMAND);
        default -> {
          p.get("mode").problem("'" + given.get() + "' is not a mode; expected link, command or off");
          yield Optional.empty();
        }
      };
    }
    if (p.get("url").present()) {
      return Optional.of(PreviewConfig.Mode.LINK);
    }
    if (p.get("command").present() || laravel) {
      return Optional.of(PreviewConfig.Mode.COMMAND);
    }
    return Optional.of(PreviewConfig.Mode.OFF);
  }

  /** The preview is private: its site must listen on a loopback address only. */
  private static Optional<URI> loopback(ConfigNode node, URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      node.problem("'" + url + "' is not an http(s) URL with a host, e.g. http://127.0.0.1:8081");
      return Optional.empty();
    }
    try {
      if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
        node.problem("'" + url.getHost() + "' is not a loopback address: the preview site serves a release no"
            + " guest may reach; listen on 127.0.0.1, e.g. http://127.0.0.1:8081");
        return Optional.empty();
      }
    } catch (UnknownHostException e) {
      node.problem("'" + url.getHost() + "' does not resolve; use 127.0.0.1");
      return Optional.empty();
    }
    return Optional.of(url);
  }
}

package dev.thingyan.bootstrap.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API side of {@link DemoReleaseServer}: GitHub's release endpoints, read-only. */
final class GitHubApi {

  private static final Pattern RELEASES = Pattern.compile("/repos/([^/]+/[^/]+)/releases"
      + "(?:/(latest)|/tags/([^/]+)|/assets/(\\d+))?/?");
  private static final Pattern DOWNLOAD = Pattern.compile("/([^/]+/[^/]+)/releases/download/([^/]+)/([^/]+)");

  private final DemoReleaseServer server;

  GitHubApi(DemoReleaseServer server) {
    this.server = server;
  }

  void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    Matcher r = RELEASES.matcher(path);
    Matcher d = DOWNLOAD.matcher(path);
    if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
      DemoReleaseServer.send(ex, 405, "application/json", "{\"message\":\"Method Not Allowed\"}");
    } else if (r.matches() && r.group(1).equals(server.repository())) {
      releases(ex, r);
    } else if (d.matches() && d.group(1).equals(server.repository())) {
      redirect(ex, byName(decode(d.group(2)), decode(d.group(3))));
    } else {
      json(ex, 404, GitHubJson.notFound());
    }
  }

  private void releases(HttpExchange ex, Matcher r) throws IOException {
    List<GitHubJson.Published> all = server.published();
    if (r.group(2) != null) {
      one(ex, all.stream().filter(p -> !p.release().tag().contains("-")).findFirst());
    } else if (r.group(3) != null) {
      String tag = decode(r.group(3));
      one(ex, all.stream().filter(p -> p.release().tag().equals(tag)).findFirst());
    } else if (r.group(4) != null) {
      asset(ex, Optional.ofNullable(server.assets().get(Long.parseLong(r.group(4)))));
    } else {
      // one page holds every demo release; later pages are empty, as GitHub's are past the end
      String query = String.valueOf(ex.getRequestURI().getQuery());
      boolean laterPage = query.matches("(.*&)?page=([2-9]|\\d{2,})(&.*)?");
      json(ex, 200, server.json().list(laterPage ? List.of() : all));
    }
  }

  private void one(HttpExchange ex, Optional<GitHubJson.Published> release) throws IOException {
    json(ex, release.isPresent() ? 200 : 404,
        release.map(server.json()::one).orElse(GitHubJson.notFound()));
  }

  private void asset(HttpExchange ex, Optional<GitHubJson.Asset> asset) throws IOException {
    String accept = String.valueOf(ex.getRequestHeaders().getFirst("Accept"));
    if (asset.isPresent() && accept.contains("application/octet-stream")) {
      redirect(ex, asset);
    } else {
      json(ex, asset.isPresent() ? 200 : 404,
          asset.map(server.json()::asset).orElse(GitHubJson.notFound()));
    }
  }

  private Optional<GitHubJson.Asset> byName(String tag, String name) {
    return server.assets().values().stream()
        .filter(a -> a.tag().equals(tag) && a.name().equals(name)).findFirst();
  }

  /** 302 to the download host, with a signed-looking query, as GitHub answers. */
  private void redirect(HttpExchange ex, Optional<GitHubJson.Asset> asset) throws IOException {
    if (asset.isEmpty()) {
      json(ex, 404, GitHubJson.notFound());
      return;
    }
    ex.getResponseHeaders().set("Location", server.storageBase() + AssetStorage.path(asset.get())
        + "?X-Amz-Expires=300&X-Amz-Signature=demo");
    ex.sendResponseHeaders(302, -1);
  }

  private static void json(HttpExchange ex, int status, String body) throws IOException {
    var h = ex.getResponseHeaders();
    h.set("X-GitHub-Media-Type", "github.v3; format=json");
    h.set("X-RateLimit-Limit", "60");
    h.set("X-RateLimit-Remaining", "59");
    h.set("X-RateLimit-Reset", String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()));
    DemoReleaseServer.send(ex, status, "application/json; charset=utf-8", body);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}

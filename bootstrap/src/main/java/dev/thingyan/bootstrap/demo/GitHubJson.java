package dev.thingyan.bootstrap.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Renders releases and assets the way the GitHub REST API does (the fields clients read). */
final class GitHubJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An asset as the server keeps it. */
  record Asset(long id, String name, long size, String contentType, java.nio.file.Path file,
      String tag) {}

  /** A published release as the server keeps it. */
  record Published(long id, DemoRelease release, Instant publishedAt, List<Asset> assets) {}

  private final String api;
  private final String repoPath;

  /** @param api e.g. {@code http://127.0.0.1:41234}; @param repoPath {@code owner/repo} */
  GitHubJson(String api, String repoPath) {
    this.api = api;
    this.repoPath = repoPath;
  }

  String list(List<Published> releases) {
    ArrayNode array = JSON.createArrayNode();
    releases.forEach(r -> array.add(release(r)));
    return array.toString();
  }

  String one(Published r) {
    return release(r).toString();
  }

  String asset(Asset a) {
    return assetNode(a).toString();
  }

  static String notFound() {
    return "{\"message\":\"Not Found\","
        + "\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}";
  }

  private ObjectNode release(Published p) {
    DemoRelease r = p.release();
    String at = p.publishedAt().truncatedTo(ChronoUnit.SECONDS).toString();
    ObjectNode n = JSON.createObjectNode();
    n.put("url", api + "/repos/" + repoPath + "/releases/" + p.id());
    n.put("html_url", api + "/" + repoPath + "/releases/tag/" + r.tag());
    n.put("assets_url", api + "/repos/" + repoPath + "/releases/" + p.id() + "/assets");
    n.put("id", p.id());
    n.put("tag_name", r.tag());
    n.put("target_commitish", "main");
    n.put("name", r.name());
    n.put("draft", false);
    n.put("prerelease", r.tag().contains("-"));
    n.put("created_at", at);
    n.put("published_at", at);
    ArrayNode assets = n.putArray("assets");
    p.assets().forEach(a -> assets.add(assetNode(a)));
    n.put("tarball_url", api + "/repos/" + repoPath + "/tarball/" + r.tag());
    n.put("zipball_url", api + "/repos/" + repoPath + "/zipball/" + r.tag());
    n.put("body", r.notes());
    return n;
  }

  private ObjectNode assetNode(Asset a) {
    ObjectNode n = JSON.createObjectNode();
    n.put("url", api + "/repos/" + repoPath + "/releases/assets/" + a.id());
    n.put("id", a.id());
    n.put("name", a.name());
    n.putNull("label");
    n.put("content_type", a.contentType());
    n.put("state", "uploaded");
    n.put("size", a.size());
    n.put("download_count", 0);
    n.put("browser_download_url",
        api + "/" + repoPath + "/releases/download/" + a.tag() + "/" + a.name());
    return n;
  }
}

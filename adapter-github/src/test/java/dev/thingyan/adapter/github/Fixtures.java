package dev.thingyan.adapter.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The recorded GitHub exchanges, and releases built from the recorded release object. */
final class Fixtures {
  static final ObjectMapper JSON = new ObjectMapper();
  /** A token that must never be seen in a message. */
  static final String TOKEN = "ghp_SeCrEtT0kenValue1234567890abcdefXYZ";

  static final String OWNER = "octokit-fixture-org";
  static final String REPO = "release-assets";

  private Fixtures() {}

  /** A source config for a loopback server, with the test token. */
  static GitHubSourceConfig config(URI apiBase) {
    return config(apiBase, Optional.of(TOKEN));
  }

  static GitHubSourceConfig config(URI apiBase, Optional<String> token) {
    return new GitHubSourceConfig(apiBase, OWNER, REPO, token, Duration.ofSeconds(2),
        Duration.ofSeconds(5), 3, "thingyan-test");
  }

  static List<JsonNode> exchanges(String file) {
    try {
      List<JsonNode> list = new ArrayList<>();
      JSON.readTree(GitHubReplayServer.fixturesDir().resolve(file).toFile()).forEach(list::add);
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code index}-th exchange of a fixture file. */
  static JsonNode exchange(String file, int index) {
    return exchanges(file).get(index);
  }

  /** The recorded release v1.0.0 (release-assets.json), with the recorded asset attached. */
  static ObjectNode recordedReleaseWithAsset() {
    ObjectNode release = exchange("release-assets.json", 0).path("response").deepCopy();
    JsonNode asset = exchange("release-assets.json", 3).path("response");
    ((ArrayNode) release.get("assets")).add(asset.deepCopy());
    return release;
  }

  /** The recorded release object re-tagged, for listings. */
  static ObjectNode release(String tag, boolean draft, boolean prerelease) {
    ObjectNode release = recordedReleaseWithAsset();
    release.put("tag_name", tag).put("name", "Release " + tag).put("draft", draft)
        .put("prerelease", prerelease);
    return release;
  }

  static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] array(JsonNode... releases) {
    ArrayNode array = JSON.createArrayNode();
    for (JsonNode r : releases) {
      array.add(r);
    }
    return bytes(array);
  }
}

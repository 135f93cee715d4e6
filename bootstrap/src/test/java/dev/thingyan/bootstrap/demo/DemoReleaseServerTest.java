package dev.thingyan.bootstrap.demo;

import dev.thingyan.adapter.storage.verify.MinisignSigner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoReleaseServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path out;
  private static DemoReleaseServer server;
  private static DemoRelease v1;
  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void publish() {
    var builder = new DemoReleaseBuilder(MinisignSigner.generate());
    server = new DemoReleaseServer("acme", "pms");
    v1 = builder.build(SampleEdition.V1, out);
    server.publish(v1);
    server.publish(builder.build(SampleEdition.V2, out));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private HttpResponse<byte[]> get(String url, String... headers) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(url));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private JsonNode api(String path) throws Exception {
    var r = get(server.apiBase() + path, "Accept", "application/vnd.github+json");
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void listsReleasesNewestFirstShapedLikeGitHub() throws Exception {
    JsonNode list = api("/repos/acme/pms/releases?per_page=100");
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("tag_name").asText()).isEqualTo("v1.1.0");
    assertThat(list.get(0).get("draft").asBoolean()).isFalse();
    assertThat(list.get(0).get("prerelease").asBoolean()).isFalse();
    assertThat(list.get(0).get("published_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    JsonNode asset = list.get(1).get("assets").get(0);
    assertThat(asset.get("name").asText()).isEqualTo("app-1.0.0.tar.gz");
    assertThat(asset.get("size").asLong()).isEqualTo(Files.size(v1.asset("app-1.0.0.tar.gz")));
    assertThat(asset.get("content_type").asText()).isEqualTo("application/gzip");
    assertThat(asset.get("url").asText())
        .isEqualTo(server.apiBase() + "/repos/acme/pms/releases/assets/" + asset.get("id").asLong());
    assertThat(api("/repos/acme/pms/releases?per_page=100&page=2")).isEmpty();
  }

  @Test
  void findsAReleaseByTagAndAnswers404LikeGitHub() throws Exception {
    assertThat(api("/repos/acme/pms/releases/tags/v1.0.0").get("body").asText())
        .isEqualTo(SampleEdition.V1.notes());
    assertThat(api("/repos/acme/pms/releases/latest").get("tag_name").asText()).isEqualTo("v1.1.0");
    var missing = get(server.apiBase() + "/repos/acme/pms/releases/tags/v9.9.9");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(new String(missing.body())).contains("\"message\":\"Not Found\"");
    assertThat(get(server.apiBase() + "/repos/other/pms/releases").statusCode()).isEqualTo(404);
  }

  @Test
  void anAssetDownloadRedirectsToTheStorageHostWhichHonoursRange() throws Exception {
    long id = api("/repos/acme/pms/releases/tags/v1.0.0").get("assets").get(0).get("id").asLong();
    String assetUrl = server.apiBase() + "/repos/acme/pms/releases/assets/" + id;
    var redirect = get(assetUrl, "Accept", "application/octet-stream", "Authorization", "Bearer t0ken");
    assertThat(redirect.statusCode()).isEqualTo(302);
    String location = redirect.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(server.storageBase().toString());
    assertThat(server.storageBase().getPort()).isNotEqualTo(server.apiBase().getPort());

    byte[] bytes = Files.readAllBytes(v1.asset("app-1.0.0.tar.gz"));
    var whole = get(location);
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(bytes.length);
    assertThat(whole.body()).isEqualTo(bytes);
    var tail = get(location, "Range", "bytes=100-");
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.headers().firstValue("Content-Range"))
        .hasValue("bytes 100-" + (bytes.length - 1) + "/" + bytes.length);
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(bytes, 100, bytes.length));
    assertThat(get(location, "Range", "bytes=" + bytes.length + "-").statusCode()).isEqualTo(416);
    assertThat(get(assetUrl).statusCode()).as("metadata without octet-stream").isEqualTo(200);
  }

  @Test
  void recordsWhetherTheStorageHostWasSentATokenByAClientThatFollowsTheRedirect()
      throws Exception {
    long id = api("/repos/acme/pms/releases/tags/v1.0.0").get("assets").get(1).get("id").asLong();
    var c = (HttpURLConnection) URI.create(server.apiBase() + "/repos/acme/pms/releases/assets/" + id)
        .toURL().openConnection();
    c.setRequestProperty("Accept", "application/octet-stream");
    c.setRequestProperty("Authorization", "Bearer secret-token");
    try (InputStream in = c.getInputStream()) {
      assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(v1.asset("release.json")));
    }
    var toStorage = server.requests().stream().filter(r -> r.server().equals("storage")
        && r.target().startsWith("/assets/" + id + "/")).toList();
    assertThat(toStorage).hasSize(1);
    assertThat(toStorage.get(0).header("Authorization")).isEmpty();
    assertThat(server.requests()).anyMatch(r -> r.server().equals("api")
        && r.header("authorization").equals(java.util.Optional.of("Bearer secret-token")));
  }
}

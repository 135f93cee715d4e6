package dev.thingyan.adapter.github;

import static dev.thingyan.adapter.github.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.ReleaseAsset;
import dev.thingyan.ports.model.Version;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Looking up a release by tag against GitHub's recorded answers. */
class GitHubReleaseSourceTest {
  private static final String BY_TAG = "/repos/octokit-fixture-org/release-assets/releases/tags/";
  private static final Map<String, String> JSON = Map.of("content-type", "application/json; charset=utf-8");
  private final GitHubReplayServer github = GitHubReplayServer.start();

  @AfterEach
  void stop() {
    github.close();
  }

  @Test
  void recordedReleaseByTagMapsToThePortsRelease() {
    github.replay("release-assets.json");
    Release release = source().release("v1.0.0").orElseThrow();

    assertThat(release.version()).isEqualTo(Version.parse("1.0.0"));
    assertThat(release.tag()).isEqualTo("v1.0.0");
    assertThat(release.name()).isEqualTo("Version 1.0.0");
    assertThat(release.notes()).isEqualTo("Initial release");
    assertThat(release.preRelease()).isFalse();
    assertThat(release.draft()).isFalse();
    assertThat(release.publishedAt()).contains(Instant.parse("2017-10-10T16:00:00Z"));
    assertThat(release.assets()).isEmpty();
  }

  @Test
  void assetsMapToTheirApiUrlSizeAndType() {
    github.respond("GET", BY_TAG + "v1.0.0", 200, JSON, Fixtures.bytes(Fixtures.recordedReleaseWithAsset()));
    Release release = source().release("v1.0.0").orElseThrow();

    ReleaseAsset asset = release.asset("test-upload.txt").orElseThrow();
    assertThat(asset.size()).isEqualTo(14);
    assertThat(asset.contentType()).isEqualTo("text/plain");
    assertThat(asset.location()).isEqualTo(URI.create(github.baseUrl()
        + "/repos/octokit-fixture-org/release-assets/releases/assets/1000"));
  }

  @Test
  void sendsGitHubsHeadersAndTheTokenAsBearer() {
    github.replay("release-assets.json");
    source().release("v1.0.0");

    GitHubReplayServer.Received request = github.requests().get(0);
    assertThat(request.uri()).isEqualTo(BY_TAG + "v1.0.0");
    assertThat(request.header("accept")).isEqualTo("application/vnd.github+json");
    assertThat(request.header("x-github-api-version")).isEqualTo("2022-11-28");
    assertThat(request.header("user-agent")).isEqualTo("thingyan-test");
    assertThat(request.header("authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void sendsNoAuthorizationWithoutAToken() {
    github.replay("release-assets.json");
    new GitHubReleaseSource(Fixtures.config(github.baseUrl(), Optional.empty())).release("v1.0.0");

    assertThat(github.requests()).hasSize(1);
    assertThat(github.requests().get(0).header("authorization")).isNull();
  }

  @Test
  void unknownTagIsEmptyAfterTryingBothSpellings() {
    github.respond("GET", BY_TAG + "v9.9.9", 404, JSON, "{\"message\":\"Not Found\"}".getBytes());
    github.respond("GET", BY_TAG + "9.9.9", 404, JSON, "{\"message\":\"Not Found\"}".getBytes());

    assertThat(source().release("v9.9.9")).isEmpty();
    assertThat(github.requests()).extracting(GitHubReplayServer.Received::uri)
        .containsExactly(BY_TAG + "v9.9.9", BY_TAG + "9.9.9");
  }

  @Test
  void versionWithoutVFindsTheVTag() {
    github.respond("GET", BY_TAG + "1.0.0", 404, JSON, "{\"message\":\"Not Found\"}".getBytes());
    github.replay("release-assets.json");

    assertThat(source().release("1.0.0")).map(Release::tag).contains("v1.0.0");
  }

  @Test
  void draftOrNonSemverTagByTagIsEmpty() {
    github.respond("GET", BY_TAG + "v2.0.0", 200, JSON, Fixtures.bytes(Fixtures.release("v2.0.0", true, false)));
    github.respond("GET", BY_TAG + "nightly", 200, JSON, Fixtures.bytes(Fixtures.release("nightly", false, false)));

    assertThat(source().release("v2.0.0")).isEmpty();
    assertThat(source().release("nightly")).isEmpty();
  }

  @Test
  void describesTheRepositoryWithoutTheToken() {
    GitHubReleaseSource source = source();
    assertThat(source.describe()).isEqualTo("github octokit-fixture-org/release-assets at " + github.baseUrl());
    assertThat(source.toString()).doesNotContain(TOKEN);
  }

  private GitHubReleaseSource source() {
    return new GitHubReleaseSource(Fixtures.config(github.baseUrl()));
  }
}

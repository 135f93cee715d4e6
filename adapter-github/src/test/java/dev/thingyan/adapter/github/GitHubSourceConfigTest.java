package dev.thingyan.adapter.github;

import static dev.thingyan.adapter.github.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.Release;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The configuration validates what it is given and never shows the token. */
class GitHubSourceConfigTest {

  @Test
  void toStringMasksTheToken() {
    GitHubSourceConfig config = GitHubSourceConfig.of("acme", "pms", Optional.of(TOKEN));
    assertThat(config.toString()).doesNotContain(TOKEN).contains("token=***", "acme", "pms");
    assertThat(new GitHubReleaseSource(config).toString()).doesNotContain(TOKEN);
    assertThat(GitHubSourceConfig.of("acme", "pms", Optional.empty()).toString()).contains("token=none");
  }

  @Test
  void tokenReadFromAFileLosesItsLineEnd() {
    GitHubSourceConfig config = GitHubSourceConfig.of("acme", "pms", Optional.of(TOKEN + "\n"));
    assertThat(config.token()).contains(TOKEN);
  }

  @Test
  void badValuesAreRefusedNamingTheFieldButNotTheToken() {
    assertThatThrownBy(() -> GitHubSourceConfig.of("acme", "pms", Optional.of("  \n")))
        .hasMessageContaining("token is empty").hasMessageContaining("token file");
    assertThatThrownBy(() -> GitHubSourceConfig.of("acme", "pms", Optional.of("abc def" + TOKEN)))
        .hasMessageContaining("token").message().doesNotContain(TOKEN);
    assertThatThrownBy(() -> GitHubSourceConfig.of("acme/evil", "pms", Optional.empty()))
        .hasMessageContaining("owner");
    assertThatThrownBy(() -> GitHubSourceConfig.of("acme", "", Optional.empty()))
        .hasMessageContaining("repo");
    assertThatThrownBy(() -> new GitHubSourceConfig(GitHubSourceConfig.GITHUB_API, "a", "b",
        Optional.empty(), Duration.ZERO, Duration.ofSeconds(1), 3, "ua"))
        .hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> new GitHubSourceConfig(GitHubSourceConfig.GITHUB_API, "a", "b",
        Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(1), 0, "ua"))
        .hasMessageContaining("maxDownloadAttempts");
  }

  @Test
  void tokenIsNeverSentInClearTextOffThisMachine() {
    GitHubSourceConfig config = GitHubSourceConfig.of("acme", "pms", Optional.of(TOKEN));
    assertThatThrownBy(() -> config.withApiBaseUrl(URI.create("http://ghe.example/api/v3")))
        .hasMessageContaining("https");
    assertThat(config.withApiBaseUrl(URI.create("https://ghe.example/api/v3/")).apiBaseUrl())
        .isEqualTo(URI.create("https://ghe.example/api/v3"));
  }

  @Test
  void enterpriseBaseWithAPathPrefixIsUsedForEveryCall() {
    try (GitHubReplayServer ghe = GitHubReplayServer.start()) {
      String prefix = "/api/v3";
      ghe.respond("GET", prefix + "/repos/octokit-fixture-org/release-assets/releases/tags/v1.0.0", 200,
          Map.of("content-type", "application/json"), Fixtures.bytes(Fixtures.recordedReleaseWithAsset()));
      GitHubReleaseSource source = new GitHubReleaseSource(
          Fixtures.config(URI.create(ghe.baseUrl() + prefix + "/")));

      assertThat(source.release("v1.0.0")).map(Release::tag).contains("v1.0.0");
      assertThat(ghe.requests().get(0).header("authorization")).isEqualTo("Bearer " + TOKEN);
    }
  }
}

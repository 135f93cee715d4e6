package dev.thingyan.adapter.github;

import static dev.thingyan.adapter.github.IssueTesting.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The issues configuration validates what it is given, naming the field, and never shows the token. */
class GitHubIssuesConfigTest {

  @Test
  void defaultsToGitHubAndSplitsTheRepository() {
    GitHubIssuesConfig config = GitHubIssuesConfig.of(" acme/pms-reports ", () -> TOKEN);

    assertThat(config.apiBaseUrl()).isEqualTo(URI.create("https://api.github.com"));
    assertThat(config.owner()).isEqualTo("acme");
    assertThat(config.repo()).isEqualTo("pms-reports");
    assertThat(config.withApiBaseUrl(URI.create("https://ghe.example/api/v3/")).apiBaseUrl())
        .isEqualTo(URI.create("https://ghe.example/api/v3"));
  }

  @Test
  void toStringNeverShowsTheToken() {
    GitHubIssuesConfig config = GitHubIssuesConfig.of("acme/pms", () -> TOKEN);

    assertThat(config.toString()).doesNotContain(TOKEN).contains("token=***", "acme/pms");
  }

  @Test
  void repositoryMustBeOwnerSlashName() {
    for (String bad : new String[] {"acme", "acme/pms/x", "/pms", "acme/", "ac me/pms", "acme/..", "../pms", ""}) {
      assertThatThrownBy(() -> GitHubIssuesConfig.of(bad, () -> TOKEN)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repository");
    }
  }

  @Test
  void theTokenTravelsOnlyOverHttpsOffThisMachine() {
    GitHubIssuesConfig config = GitHubIssuesConfig.of("acme/pms", () -> TOKEN);

    assertThatThrownBy(() -> config.withApiBaseUrl(URI.create("http://ghe.example/api/v3")))
        .hasMessageContaining("apiBaseUrl").hasMessageContaining("https");
    assertThatThrownBy(() -> config.withApiBaseUrl(URI.create("ftp://ghe.example")))
        .hasMessageContaining("apiBaseUrl");
    assertThatThrownBy(() -> config.withApiBaseUrl(URI.create("https://ghe.example/api?x=1")))
        .hasMessageContaining("apiBaseUrl");
    assertThat(config.withApiBaseUrl(URI.create("http://127.0.0.1:8080")).apiBaseUrl().getPort()).isEqualTo(8080);
  }

  @Test
  void timeoutsAndUserAgentAreChecked() {
    GitHubIssuesConfig config = GitHubIssuesConfig.of("acme/pms", () -> TOKEN);

    assertThatThrownBy(() -> config.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> config.withTimeouts(Duration.ofSeconds(1), Duration.ofHours(1)))
        .hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> new GitHubIssuesConfig(config.apiBaseUrl(), "acme/pms", () -> TOKEN,
        Duration.ofSeconds(1), Duration.ofSeconds(1), "ua\r\nX-Evil: 1")).hasMessageContaining("userAgent");
    assertThatThrownBy(() -> new GitHubIssuesConfig(config.apiBaseUrl(), "acme/pms", null,
        Duration.ofSeconds(1), Duration.ofSeconds(1), "ua")).hasMessageContaining("token");
  }
}

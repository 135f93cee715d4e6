package dev.thingyan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reports.*}: defaults, the GitHub block with its token file, and refusals naming the key. */
class ReportsConfigTest {

  @TempDir Path dir;

  @Test
  void withoutAReportsSectionReportsAreKeptNotSentWithTheDefaults() {
    ReportsConfig r = ConfigLoader.load(ConfigFiles.write(dir, ConfigFiles.MINIMAL)).reports();

    assertThat(r.github()).isEmpty();
    assertThat(r.environment()).isEqualTo("production");
    assertThat(r.labels()).containsExactly("thingyan");
    assertThat(r.commentInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(r.writeSpacing()).isEqualTo(Duration.ofSeconds(1));
    assertThat(r.basePaths()).containsExactly("/srv/pms/");
    assertThat(r.keepDelivered()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void theGitHubBlockIsBoundWithItsTokenFromAFileThatNeverPrints() throws Exception {
    Files.writeString(dir.resolve("issues.token"), "ghp_reportsSecretToken42\n");
    ThingyanConfig config = ConfigLoader.load(ConfigFiles.write(dir, ConfigFiles.MINIMAL + """
        reports:
          environment: staging
          github:
            repo: acme/pms-issues
            token_file: issues.token
            api_url: http://127.0.0.1:8089
          labels: [thingyan, bug]
          comment_interval: 30m
          in_app:
            namespaces: ['App\\']
          base_paths: [/var/www/pms/]
        """));

    ReportsConfig r = config.reports();
    assertThat(r.github()).hasValueSatisfying(gh -> {
      assertThat(gh.repo()).isEqualTo("acme/pms-issues");
      assertThat(gh.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8089"));
      assertThat(gh.token().reveal()).isEqualTo("ghp_reportsSecretToken42");
    });
    assertThat(r.labels()).containsExactly("thingyan", "bug");
    assertThat(r.inAppNamespaces()).containsExactly("App\\");
    assertThat(r.commentInterval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.secrets()).contains("ghp_reportsSecretToken42");
    assertThat(config.toString()).doesNotContain("ghp_reportsSecretToken42");
  }

  @Test
  void wrongValuesAreRefusedNamingEachKey() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(
        ConfigFiles.write(dir, ConfigFiles.MINIMAL + """
            reports:
              github:
                repo: not a repo
              labels: ['a,b']
              write_spacing: 500ms
              comment_intervall: 1h
            """)));

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("reports.github.repo").contains("reports.github.token_file")
        .contains("reports.labels").contains("reports.write_spacing")
        .contains("reports.comment_intervall");
  }
}

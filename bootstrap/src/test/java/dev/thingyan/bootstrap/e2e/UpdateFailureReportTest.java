package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.adapter.github.fake.FakeGitHubIssues;
import dev.thingyan.adapter.github.fake.FakeIssue;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.report.DeliveryPass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed update files itself: the run that ends failed (health check, rolled back) leaves one
 * report in the outbox, with the run's log tail, and it becomes a GitHub issue labelled
 * source:update; the run itself is not affected by the filing.
 */
class UpdateFailureReportTest {
  private static final String TOKEN = "ghp_updateFailureToken0123456789abcdef";

  @TempDir Path dir;

  @Test
  void aFailedUpdateIsFiledWithItsRunLogAndBecomesAnIssue() throws Exception {
    Path tokenFile = Files.writeString(Files.createDirectories(dir.resolve("secrets"))
        .resolve("issues.token"), TOKEN);
    try (FakeGitHubIssues github = FakeGitHubIssues.start("acme/pms", TOKEN);
        Sandbox sandbox = new Sandbox(dir.resolve("site"), yaml -> yaml + """

            reports:
              environment: staging
              github:
                repo: acme/pms
                token_file: %s
                api_url: %s
            """.formatted(tokenFile, github.baseUrl()))) {
      Run good = sandbox.install(SampleEdition.V1);
      assertThat(good.state()).isEqualTo(RunState.COMPLETED);
      assertThat(sandbox.system.queryErrorReports().stats().pending()).isZero();

      Run failed = sandbox.install(SampleEdition.V3);
      assertThat(failed.state()).as(() -> sandbox.log(failed)).isEqualTo(RunState.FAILED);
      assertThat(sandbox.system.queryErrorReports().stats().pending()).isEqualTo(1);

      DeliveryPass pass = sandbox.system.deliverErrorReports()
          .deliver(Instant.now().plus(Duration.ofSeconds(30)));
      assertThat(pass.created()).isEqualTo(1);
      FakeIssue issue = github.issues().get(0);
      assertThat(issue.title()).startsWith("Update 1.0.0 → 1.2.0 ended failed")
          .contains("health check failed");
      assertThat(issue.labels()).contains("thingyan", "source:update", "severity:error");
      assertThat(issue.body()).contains("### Run log", "health", "rollback", "`staging`",
          failed.id().toString());
      assertThat(sandbox.audit()).anySatisfy(e -> {
        assertThat(e.action()).isEqualTo("system.error_report.created");
        assertThat(e.attributes()).containsEntry("issue", Long.toString(issue.number()))
            .containsEntry("action", "created");
      });
      assertThat(sandbox.auditChainIntact()).isTrue();
    }
  }
}

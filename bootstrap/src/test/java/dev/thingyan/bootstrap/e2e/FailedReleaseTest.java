package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.model.FailedRelease;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a release that failed leaves behind, as on the Laravel stack of issue 10 where every
 * rollback ended {@code rollback_failed}: here the release rolled back to (1.1.0) is made to fail
 * its own health check, so each of three attempts at the broken 1.2.0 ends {@code rollback_failed}.
 * None leaves its release folder or a download behind; {@code check}, {@code status} and an
 * unattended {@code apply} do not offer 1.2.0 again; 1.3.0 is offered as soon as it appears, and
 * once it is installed the good releases 1.0.0 and 1.1.0 are still there. One sandbox, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class FailedReleaseTest {

  private static final String BREAK = "health.broken=e2e: the release rolled back to cannot come back\n";

  @TempDir static Path dir;
  private Sandbox sandbox;
  private Path v2Release;

  @BeforeAll
  void start() {
    sandbox = new Sandbox(dir);
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  @Test
  @Order(1)
  void threeAttemptsAtABrokenReleaseWhoseRollbacksFailLeaveNoFolderAndNoDownload() throws IOException {
    assertThat(sandbox.install(SampleEdition.V1).state()).isEqualTo(RunState.COMPLETED);
    Run v2 = sandbox.install(SampleEdition.V2);
    assertThat(v2.state()).as(() -> sandbox.log(v2)).isEqualTo(RunState.COMPLETED);
    v2Release = UpdateFlowTest.realPath(v2.releaseDir().orElseThrow());
    // 1.1.0 answers 503 once restarted: the rollback's own health check fails
    Files.writeString(v2Release.resolve("config/app.properties"), BREAK, StandardOpenOption.APPEND);
    sandbox.env.publish(SampleEdition.V3);

    for (int attempt = 1; attempt <= 3; attempt++) {
      Run run = sandbox.apply("1.2.0", RunOptions.DEFAULT);

      assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.ROLLBACK_FAILED);
      assertThat(sandbox.stepOutcomes(run)).containsSubsequence("download:SUCCEEDED", "swap:SUCCEEDED",
          "health:FAILED", "rollback_swap:SUCCEEDED", "rollback_health:FAILED");
      assertThat(sandbox.current()).as("attempt %d", attempt).contains(v2Release);
      assertThat(run.releaseDir().orElseThrow()).as("attempt %d: the failed release's folder", attempt).doesNotExist();
      assertThat(sandbox.releaseFolders()).as("attempt %d", attempt).noneMatch(f -> f.startsWith("1.2.0-"));
      assertThat(sandbox.downloads()).as("attempt %d: downloads left", attempt).isEmpty();
      // 1.1.0 stays broken on purpose: the block goes, the gate stays up
      sandbox.system.resolveBlock().resolve(Sandbox.ADMIN, "e2e: attempt " + attempt + " looked at", true);
    }
    assertThat(sandbox.releaseFolders()).hasSize(2).allMatch(f -> f.startsWith("1.0.0-") || f.startsWith("1.1.0-"));
  }

  @Test
  @Order(2)
  void theFailedReleaseIsNotOfferedAgainByCheckStatusOrAnUnattendedApply() {
    CliProcess.Result check = sandbox.cli("check-after-failure", "check");

    assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
    assertThat(check.stdout()).as(check.toString()).contains("No newer compatible release.")
        .contains("1.2.0 failed on ").contains("not offered again").contains("thingyan apply 1.2.0");
    CliProcess.Result status = sandbox.cli("status-after-failure", "status");
    assertThat(status.stdout()).as(status.toString()).contains("1.2.0 failed on ")
        .contains("its rollback failed too").contains("thingyan apply 1.2.0");
    assertThat(sandbox.system.queryRuns().status().notOffered()).extracting(FailedRelease::version)
        .containsExactly(Version.parse("1.2.0"));

    int backupsBefore = sandbox.system.backupDatabase().list().size();
    Run unattended = sandbox.apply(null, RunOptions.DEFAULT);

    assertThat(unattended.state()).as(() -> sandbox.log(unattended)).isEqualTo(RunState.PRECHECK_FAILED);
    assertThat(unattended.reason()).hasValueSatisfying(r -> assertThat(r).contains("1.2.0 failed on", "not offered again"));
    assertThat(unattended.backupId()).isEmpty();
    assertThat(sandbox.system.backupDatabase().list()).as("no backup was taken").hasSize(backupsBefore);
  }

  @Test
  @Order(3)
  void aNewerReleaseIsOfferedAndInstalledAndTheOlderGoodReleasesStay() throws IOException {
    Files.writeString(v2Release.resolve("config/app.properties"),
        Files.readString(v2Release.resolve("config/app.properties")).replace(BREAK, ""));
    sandbox.env.server().publish(sandbox.releases.of(SampleEdition.V2, "1.3.0").build());

    CliProcess.Result check = sandbox.cli("check-newer", "check");
    assertThat(check.stdout()).as(check.toString()).contains("New release: 1.3.0").doesNotContain("1.2.0 failed");

    Run run = sandbox.apply(null, RunOptions.DEFAULT);

    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.COMPLETED);
    assertThat(run.targetVersion()).contains(Version.parse("1.3.0"));
    assertThat(sandbox.health()).startsWith("200 ").contains("\"app_version\":\"1.3.0\"");
    assertThat(sandbox.releaseFolders()).hasSize(3).anyMatch(f -> f.startsWith("1.0.0-"))
        .anyMatch(f -> f.startsWith("1.1.0-")).anyMatch(f -> f.startsWith("1.3.0-"));
    assertThat(sandbox.downloads()).isEmpty();
    assertThat(sandbox.system.queryRuns().status().notOffered()).isEmpty();
  }
}

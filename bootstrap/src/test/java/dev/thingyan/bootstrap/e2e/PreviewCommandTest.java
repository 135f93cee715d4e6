package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.demo.DemoRelease;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command preview wired as the standalone jar wires it, on the demo app: the staged release is
 * started by its own {@code bin/app.sh serve {port}} before the swap and asked by the http check.
 * A good release passes it and is swapped in; a broken one is stopped there, never swapped, with
 * the reason naming the preview, and no server is left running.
 */
class PreviewCommandTest {

  @TempDir Path dir;
  private Sandbox sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) sandbox.close();
  }

  @Test
  void aGoodReleasePassesThePreviewAndABrokenOneNeverReachesCurrent() {
    sandbox = new Sandbox(dir, yaml -> yaml.replace("health:\n", "health:\n  preview:\n"
        + "    command: bin/app.sh serve {port}\n    start_timeout: 60s\n"));
    Run installed = sandbox.install(SampleEdition.V2);
    assertThat(installed.state()).as(() -> sandbox.log(installed)).isEqualTo(RunState.COMPLETED);
    assertThat(sandbox.stepOutcomes(installed)).containsSubsequence("preview_health:SUCCEEDED", "swap:SUCCEEDED",
        "health:SUCCEEDED");
    Path good = sandbox.current().orElseThrow();
    DemoRelease broken = sandbox.releases.of(SampleEdition.V2, "1.1.1").brokenHealth("queue worker missing (preview)")
        .build();

    Run run = sandbox.install(broken);

    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.FAILED);
    assertThat(run.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("preview check failed before the swap")
        .contains("queue worker missing (preview)"));
    assertThat(sandbox.stepOutcomes(run)).containsSubsequence("preview_health:FAILED", "cleanup:SUCCEEDED");
    assertThat(sandbox.stepNames(run)).doesNotContain("swap", "rollback_swap", "health", "maintenance_on");
    assertThat(sandbox.current()).contains(good);
    assertThat(sandbox.health()).startsWith("200 ").contains("\"app_version\":\"1.1.0\"");
    assertThat(sandbox.env.appRoot().resolve(".thingyan/preview-server")).doesNotExist();
    assertThat(ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("").contains("/releases/1.1.1-")))
        .as("the preview server of 1.1.1 was stopped").isEmpty();
    assertThat(Files.exists(sandbox.env.appRoot().resolve(".thingyan/preview-server.log"))).isTrue();
  }
}

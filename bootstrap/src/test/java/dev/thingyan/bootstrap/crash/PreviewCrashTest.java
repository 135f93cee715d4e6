package dev.thingyan.bootstrap.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recovery table's row for the preview, with a real SIGKILL (the crash matrix's child JVM and
 * {@code THINGYAN_FAULT}): killed while its throwaway preview server (the demo app's own
 * {@code bin/app.sh serve {port}}) serves the staged V2, or before it started, the next start of
 * thingyan stops what was left, rolls the run back (nothing was swapped) and V1 serves; the same
 * release then installs.
 */
class PreviewCrashTest {

  private Sandbox sandbox;

  @BeforeEach
  void v1ServingWithAPreview() throws IOException {
    Path dir = TestPaths.buildDir().resolve("crash-work/preview-" + System.currentTimeMillis());
    sandbox = new Sandbox(dir.resolve("site"), Files.createDirectories(dir.resolve("logs"))).installV1ThenPublishV2();
    Path config = sandbox.env.configFile();
    Files.writeString(config, Files.readString(config).replace("health:\n", "health:\n  preview:\n"
        + "    command: bin/app.sh serve {port}\n    start_timeout: 60s\n"));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void killedWhileThePreviewServes_theNextStartStopsTheServerAndV1Serves() {
    ThingyanProcess.Result killed = sandbox.cli("apply-killed-in-preview", Map.of("THINGYAN_FAULT", "preview:serving"),
        "apply");
    assertThat(killed.killedBySigkill()).as("killed at preview:serving: %s", killed).isTrue();
    Path record = sandbox.env.appRoot().resolve(".thingyan/preview-server");
    assertThat(record).as("the server was recorded before it started").exists();
    List<ProcessHandle> left = previewServers();
    assertThat(left).as("the killed process left its preview server running").isNotEmpty();

    Sandbox.Status status = sandbox.status("recover");

    assertThat(status.lastState()).isEqualTo("failed");
    assertThat(left).as("stopped by start-up recovery").noneMatch(ProcessHandle::isAlive);
    assertThat(record).doesNotExist();
    assertThat(sandbox.cli("show", Map.of(), "show", status.last().path("id").asText()).out())
        .contains("preview_stop").contains("stopped the preview server a stopped process left")
        .doesNotContain("rollback_swap");
    assertThat(sandbox.servingVersion()).isEqualTo(Sandbox.V1);
    assertThat(sandbox.currentTarget()).isEqualTo(sandbox.v1Dir());
    assertThat(status.maintenance()).isFalse();
    assertThat(status.blocked()).isFalse();

    ThingyanProcess.Result again = sandbox.cli("apply-again", Map.of(), "apply", Sandbox.V2);
    assertThat(again.exit()).as("the same release installs afterwards: %s", again).isZero();
    assertThat(again.out()).contains("preview_health");
    assertThat(sandbox.servingVersion()).isEqualTo(Sandbox.V2);
    assertThat(previewServers()).isEmpty();
  }

  @Test
  void killedBeforeThePreviewStarted_recoveryFindsNothingToStop() {
    ThingyanProcess.Result killed = sandbox.cli("apply-killed-before-preview",
        Map.of("THINGYAN_FAULT", "after-step-start:preview_health"), "apply");
    assertThat(killed.killedBySigkill()).as("killed at the preview's start: %s", killed).isTrue();

    Sandbox.Status status = sandbox.status("recover");

    assertThat(status.lastState()).isEqualTo("failed");
    assertThat(sandbox.cli("show", Map.of(), "show", status.last().path("id").asText()).out())
        .contains("nothing of the preview was left");
    assertThat(sandbox.servingVersion()).isEqualTo(Sandbox.V1);
    assertThat(previewServers()).isEmpty();
  }

  /** The demo app's servers started for a release folder that is not {@code current}: previews. */
  private List<ProcessHandle> previewServers() {
    Path releases = sandbox.env.appRoot().resolve("releases");
    return ProcessHandle.allProcesses().filter(h -> h.info().commandLine().map(c -> c.contains("App.java serve")
        && h.info().startInstant().isPresent()).orElse(false))
        .filter(h -> cwdIn(h, releases) && !cwdIn(h, sandbox.currentTarget())).toList();
  }

  private static boolean cwdIn(ProcessHandle h, Path dir) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", String.valueOf(h.pid()), "cwd")).startsWith(dir.toRealPath());
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}

package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A correctly signed release whose archive climbs out with {@code ../evil}: the signature and the
 * checksum pass, the extraction refuses it, and the run rolls back without a file written outside
 * the release folder or {@code current} moved.
 */
class HostileArchiveTest {

  @TempDir Path dir;
  private Sandbox sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) sandbox.close();
  }

  @Test
  void aSignedArchiveThatClimbsOutIsRefusedAtExtraction() throws IOException {
    sandbox = new Sandbox(dir);
    Run installed = sandbox.install(SampleEdition.V1);
    assertThat(installed.state()).as(() -> sandbox.log(installed)).isEqualTo(RunState.COMPLETED);
    Path v1Release = sandbox.current().orElseThrow();
    List<String> foldersBefore = sandbox.releaseFolders();

    Run run = sandbox.install(sandbox.releases.of(SampleEdition.V2, "1.1.0")
        .rawEntry("../evil", "written outside the release folder\n").build());

    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.FAILED);
    assertThat(states(run)).containsSubsequence(RunState.APPLYING, RunState.ROLLBACK_RUNNING, RunState.FAILED)
        .doesNotContain(RunState.MIGRATING, RunState.HEALTH_CHECK);
    assertThat(run.reason()).hasValueSatisfying(r -> assertThat(r).contains("../evil", "'..'"));
    assertThat(sandbox.stepOutcomes(run)).containsSubsequence("verify:SUCCEEDED", "extract:FAILED", "cleanup:SUCCEEDED");
    assertThat(sandbox.stepNames(run)).doesNotContain("link_shared", "migrate", "swap");
    assertThat(filesNamed("evil")).isEmpty();
    assertThat(sandbox.current()).contains(v1Release);
    assertThat(sandbox.releaseFolders()).isEqualTo(foldersBefore);
    assertThat(sandbox.database().migrations()).containsExactly("2024_01_01_000000_create_bookings_table");
    assertThat(sandbox.health()).startsWith("200 ").contains("\"app_version\":\"1.0.0\"");
  }

  private List<RunState> states(Run run) {
    return sandbox.system.queryRuns().run(run.id()).orElseThrow().events().stream()
        .map(RunEvent::state).distinct().toList();
  }

  /** Anywhere in the sandbox, and in the folder above it. */
  private List<Path> filesNamed(String name) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      List<Path> found = all.filter(p -> p.getFileName().toString().equals(name)).toList();
      return Files.exists(dir.getParent().resolve(name)) ? List.of(dir.getParent().resolve(name)) : found;
    }
  }
}

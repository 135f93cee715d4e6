package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.demo.DemoRelease;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.model.BackupKind;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollback restores the database only when the update's migrations ran: a release with no
 * pending migration (v1.1.1, v1.1.0's files) whose {@code /health} fails is rolled back by code
 * alone, and the database, with a booking taken before, is exactly as it was.
 */
class NoMigrationRollbackTest {

  @TempDir Path dir;
  private Sandbox sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) sandbox.close();
  }

  @Test
  void aFailedReleaseWithoutMigrationsIsRolledBackWithoutRestoringTheDatabase() {
    sandbox = new Sandbox(dir);
    Run installed = sandbox.install(SampleEdition.V2);
    assertThat(installed.state()).as(() -> sandbox.log(installed)).isEqualTo(RunState.COMPLETED);
    Path v2Release = UpdateFlowTest.realPath(installed.releaseDir().orElseThrow());
    assertThat(sandbox.env.post("/bookings", "guest=No+Restore&room=305")).contains("\"id\":");
    List<String> databaseBefore = sandbox.database().everything();
    DemoRelease broken = sandbox.releases.of(SampleEdition.V2, "1.1.1")
        .brokenHealth("queue worker missing (e2e)").build();

    Run run = sandbox.install(broken);

    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.FAILED);
    assertThat(run.reason()).hasValueSatisfying(r -> assertThat(r).contains("health check failed"));
    assertThat(sandbox.stepOutcomes(run)).containsSubsequence("migrate:SKIPPED", "swap:SUCCEEDED",
        "health:FAILED", "rollback_swap:SUCCEEDED", "rollback_health:SUCCEEDED", "cleanup:SUCCEEDED");
    assertThat(sandbox.stepNames(run)).doesNotContain("db_restore");
    assertThat(sandbox.system.backupDatabase().list())
        .noneMatch(b -> b.kind() == BackupKind.SAFETY && b.runId().equals(Optional.of(run.id())));
    assertThat(sandbox.database().everything()).isEqualTo(databaseBefore)
        .contains("bookings: 4|No Restore|305|1|direct");
    assertThat(sandbox.current()).contains(v2Release);
    assertThat(sandbox.releaseFolders()).noneMatch(f -> f.startsWith("1.1.1-"));
    assertThat(sandbox.health()).startsWith("200 ").contains("\"app_version\":\"1.1.0\"");
  }
}

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
 * An app that migrates its database when it starts (no migrate hook; its restart runs the
 * migrations, as a JVM service with Flyway on boot does): a release whose {@code /health} fails
 * after it migrated is rolled back with its database, because the schema version changed during
 * the update although no migrate step ran.
 */
class MigrateOnStartRollbackTest {

  @TempDir Path dir;
  private Sandbox sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) sandbox.close();
  }

  @Test
  void aReleaseThatMigratedWhenItStartedIsRolledBackWithItsDatabase() {
    sandbox = new Sandbox(dir, yaml -> {
      String edited = yaml
          .replace("  migrate:\n    - {run: bin/app.sh migrate, only_if: bin/app.sh pending, timeout: 3m}\n", "")
          .replace("    - {run: bin/restart.sh, timeout: 2m}", "    - {run: \"bin/app.sh migrate && bin/restart.sh\", timeout: 3m}");
      assertThat(edited).doesNotContain("only_if: bin/app.sh pending").contains("bin/app.sh migrate && bin/restart.sh");
      return edited;
    });
    Run installed = sandbox.install(SampleEdition.V1);
    assertThat(installed.state()).as(() -> sandbox.log(installed)).isEqualTo(RunState.COMPLETED);
    assertThat(sandbox.env.post("/bookings", "guest=Before+Update&room=101")).contains("\"id\":");
    List<String> databaseBefore = sandbox.database().everything();
    List<String> migrationsBefore = sandbox.database().migrations();
    DemoRelease broken = sandbox.releases.of(SampleEdition.V2, "1.1.0").brokenHealth("cache warmer failed (e2e)").build();

    Run run = sandbox.install(broken);

    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.FAILED);
    assertThat(sandbox.stepOutcomes(run)).containsSubsequence("swap:SUCCEEDED", "post_swap:SUCCEEDED",
        "health:FAILED", "schema_check:SUCCEEDED", "rollback_swap:SUCCEEDED", "db_restore:SUCCEEDED",
        "rollback_health:SUCCEEDED");
    assertThat(sandbox.stepOutcomes(run)).doesNotContain("migrate:SUCCEEDED");
    assertThat(sandbox.database().migrations()).isEqualTo(migrationsBefore);
    assertThat(sandbox.database().everything()).isEqualTo(databaseBefore);
    assertThat(sandbox.system.backupDatabase().list())
        .anyMatch(b -> b.kind() == BackupKind.SAFETY && b.runId().equals(Optional.of(run.id())));
    assertThat(sandbox.health()).startsWith("200 ").contains("\"app_version\":\"1.0.0\"");
  }
}

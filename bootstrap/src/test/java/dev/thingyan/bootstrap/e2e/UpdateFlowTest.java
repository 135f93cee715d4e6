package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.model.AuditEvent;
import dev.thingyan.ports.model.BackupKind;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's story, asserted on what is really there afterwards: v1.0.0 installed on a fresh root,
 * v1.1.0 with its migration, then v1.2.0 whose {@code /health} fails and is rolled back, code and
 * database, with the booking taken in between kept. One sandbox, in order: each test starts from
 * the state the one before left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class UpdateFlowTest {

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
  void theFirstReleaseInstallsOnAFreshRoot() {
    assertThat(sandbox.current()).isEmpty();

    Run run = sandbox.install(SampleEdition.V1);

    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.COMPLETED);
    assertThat(run.fromVersion()).isEmpty();
    assertThat(sandbox.health()).startsWith("200 ").contains("\"app_version\":\"1.0.0\"");
    assertThat(sandbox.current()).contains(realPath(run.releaseDir().orElseThrow()));
    assertThat(sandbox.releaseFolders()).singleElement().asString().startsWith("1.0.0-");
  }

  @Test
  @Order(2)
  void anUpdateRunsItsMigrationAndSwitchesToTheNewRelease() {
    Run run = sandbox.install(SampleEdition.V2);

    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.COMPLETED);
    assertThat(run.fromVersion()).hasValueSatisfying(v -> assertThat(v).hasToString("1.0.0"));
    assertThat(sandbox.health()).startsWith("200 ").contains("\"app_version\":\"1.1.0\"");
    assertThat(sandbox.database().columns("bookings")).contains("channel");
    assertThat(sandbox.database().migrations()).contains("2024_02_01_000000_add_channel_to_bookings_table");
    assertThat(sandbox.stepOutcomes(run)).contains("backup:SUCCEEDED", "verify:SUCCEEDED",
        "extract:SUCCEEDED", "migrate:SUCCEEDED", "swap:SUCCEEDED", "post_swap:SUCCEEDED", "health:SUCCEEDED");
    BackupRecord backup = backupOf(run, BackupKind.PRE_UPDATE);
    assertThat(backup.backupId()).isEqualTo(run.backupId().orElseThrow());
    assertThat(backup.appVersion()).hasValueSatisfying(v -> assertThat(v).hasToString("1.0.0"));
    v2Release = realPath(run.releaseDir().orElseThrow());
    assertThat(sandbox.current()).contains(v2Release);
  }

  @Test
  @Order(3)
  void aReleaseThatFailsItsHealthCheckIsRolledBackWithItsMigration() {
    assertThat(sandbox.env.post("/bookings", "guest=E2E+Guest&room=204")).contains("\"id\":");

    Run run = sandbox.install(SampleEdition.V3);

    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.FAILED);
    assertThat(run.reason()).hasValueSatisfying(r -> assertThat(r).contains("health check failed", "503"));
    assertThat(sandbox.health()).startsWith("200 ").contains("\"app_version\":\"1.1.0\"");
    assertThat(sandbox.current()).contains(v2Release);
    Path v3Release = run.releaseDir().orElseThrow();
    assertThat(v3Release).doesNotExist();
    assertThat(sandbox.releaseFolders()).noneMatch(f -> f.startsWith("1.2.0-"));
    assertThat(sandbox.stepOutcomes(run)).containsSubsequence("migrate:SUCCEEDED", "swap:SUCCEEDED",
        "health:FAILED", "maintenance_on:SUCCEEDED", "rollback_swap:SUCCEEDED", "db_restore:SUCCEEDED",
        "rollback_health:SUCCEEDED", "maintenance_off:SUCCEEDED", "cleanup:SUCCEEDED");
    assertThat(sandbox.database().tables()).contains("bookings", "rates").doesNotContain("housekeeping_tasks");
    assertThat(sandbox.database().migrations()).doesNotContain("2024_03_01_000000_create_housekeeping_tasks_table");
    assertThat(sandbox.database().bookings()).contains("E2E Guest/204");
    assertThat(backupOf(run, BackupKind.SAFETY).appVersion()).isPresent();
    assertThat(sandbox.maintenanceFlag()).isFalse();
    assertThat(sandbox.system.queryRuns().status().active()).isEmpty();
  }

  @Test
  @Order(4)
  void theAuditTrailTellsTheRollbackInAnUnbrokenChain() {
    Run rolledBack = sandbox.system.queryRuns().history(1).get(0);

    List<String> actions = sandbox.audit().stream()
        .filter(e -> rolledBack.id().value().equals(e.attributes().get("run_id")))
        .map(AuditEvent::action).toList();

    assertThat(actions).contains("system.update.started", "system.backup.completed",
        "system.rollback.started", "system.rollback.completed", "system.update.failed");
    assertThat(actions).doesNotContain("system.update.completed");
    assertThat(sandbox.auditChainIntact()).isTrue();
  }

  private BackupRecord backupOf(Run run, BackupKind kind) {
    return sandbox.system.backupDatabase().list().stream()
        .filter(b -> b.kind() == kind && b.runId().equals(java.util.Optional.of(run.id())))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " backup of run " + run.id()));
  }

  static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (java.io.IOException e) {
      throw new AssertionError(p + " does not exist", e);
    }
  }
}

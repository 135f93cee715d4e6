package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunKind;
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
 * {@code thingyan rollback} decides the database explicitly, through the real CLI: after an update
 * that migrated, a rollback with neither {@code --restore-db} nor {@code --keep-db} is refused,
 * saying what changed and what each does, and changes nothing; after an update that did not touch
 * the schema it goes on, keeping the database, and says so; {@code --restore-db} restores the
 * backup taken before the migrating update. One sandbox, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ManualRollbackDatabaseTest {

  @TempDir static Path dir;
  private Sandbox sandbox;
  private Path v1Release;
  private Path v2Release;
  private List<String> migrationsBeforeV2;

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
  void afterAMigratingUpdateARollbackWithoutAFlagIsRefusedAndChangesNothing() {
    Run v1 = sandbox.install(SampleEdition.V1);
    v1Release = UpdateFlowTest.realPath(v1.releaseDir().orElseThrow());
    migrationsBeforeV2 = sandbox.database().migrations();
    Run v2 = sandbox.install(SampleEdition.V2);
    assertThat(v2.state()).as(() -> sandbox.log(v2)).isEqualTo(RunState.COMPLETED);
    v2Release = UpdateFlowTest.realPath(v2.releaseDir().orElseThrow());
    List<String> migrationsAfterV2 = sandbox.database().migrations();
    int runsBefore = sandbox.system.queryRuns().history(100).size();

    CliProcess.Result refused = sandbox.cli("rollback-no-flag", "rollback");

    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
    assertThat(refused.stderr()).as(refused.toString())
        .contains("The database schema changed since backup " + v2.backupId().orElseThrow())
        .contains("then, 2024_02_01_000001_create_rates_table now)")
        .contains("would run 1.0.0 on the newer schema")
        .contains("\n  --restore-db  restore backup " + v2.backupId().orElseThrow())
        .contains("\n  --keep-db     keep the database as it is")
        .contains("Run the rollback again with one of them.");
    assertThat(sandbox.current()).contains(v2Release);
    assertThat(sandbox.database().migrations()).isEqualTo(migrationsAfterV2);
    assertThat(sandbox.system.queryRuns().history(100)).as("no run was started").hasSize(runsBefore);
  }

  @Test
  @Order(2)
  void afterAnUpdateThatKeptTheSchemaItRollsBackKeepingTheDatabaseAndSaysSo() {
    Run patch = sandbox.install(sandbox.releases.of(SampleEdition.V2, "1.1.1").build());
    assertThat(patch.state()).as(() -> sandbox.log(patch)).isEqualTo(RunState.COMPLETED);
    List<String> migrations = sandbox.database().migrations();

    CliProcess.Result done = sandbox.cli("rollback-unchanged", "rollback");

    assertThat(done.exitCode()).as(done.toString()).isZero();
    assertThat(done.stdout()).as(done.toString())
        .contains("Database: kept as it is; its schema has not changed since the current release was installed.");
    assertThat(sandbox.current()).contains(v2Release);
    assertThat(sandbox.health()).startsWith("200 ").contains("\"app_version\":\"1.1.0\"");
    assertThat(sandbox.database().migrations()).isEqualTo(migrations);
    Run rollback = sandbox.system.queryRuns().history(1).get(0);
    assertThat(rollback.kind()).isEqualTo(RunKind.ROLLBACK);
    assertThat(rollback.backupId()).isEmpty();
    assertThat(sandbox.stepOutcomes(rollback)).contains("db_decision:SKIPPED").doesNotContain("db_restore:SUCCEEDED");
    assertThat(sandbox.log(rollback)).contains("the database is kept as it is: its schema");
  }

  @Test
  @Order(3)
  void withRestoreDbItRestoresTheBackupTakenBeforeTheMigratingUpdateAndSaysSo() {
    CliProcess.Result refused = sandbox.cli("rollback-no-flag-again", "rollback");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);

    CliProcess.Result done = sandbox.cli("rollback-restore", "rollback", "--restore-db", "--reason", "e2e");

    assertThat(done.exitCode()).as(done.toString()).isZero();
    assertThat(done.stdout()).as(done.toString()).contains("Database: restored from backup ");
    assertThat(sandbox.current()).contains(v1Release);
    assertThat(sandbox.health()).startsWith("200 ").contains("\"app_version\":\"1.0.0\"");
    assertThat(sandbox.database().migrations()).isEqualTo(migrationsBeforeV2);
    assertThat(sandbox.database().columns("bookings")).doesNotContain("channel");
    Run rollback = sandbox.system.queryRuns().history(1).get(0);
    assertThat(sandbox.stepOutcomes(rollback)).containsSubsequence("db_decision:SUCCEEDED", "rollback_swap:SUCCEEDED",
        "db_restore:SUCCEEDED", "rollback_health:SUCCEEDED");
    assertThat(sandbox.log(rollback)).contains("the admin chose --restore-db");
  }
}

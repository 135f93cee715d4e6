package dev.thingyan.bootstrap.recovery;

import static dev.thingyan.ports.model.RunState.APPLYING;
import static dev.thingyan.ports.model.RunState.BACKUP_FAILED;
import static dev.thingyan.ports.model.RunState.BACKUP_RUNNING;
import static dev.thingyan.ports.model.RunState.CHECKING;
import static dev.thingyan.ports.model.RunState.COMPLETED;
import static dev.thingyan.ports.model.RunState.FAILED;
import static dev.thingyan.ports.model.RunState.HEALTH_CHECK;
import static dev.thingyan.ports.model.RunState.MIGRATING;
import static dev.thingyan.ports.model.RunState.PRECHECK_FAILED;
import static dev.thingyan.ports.model.RunState.ROLLBACK_RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.in.RollbackRelease;
import dev.thingyan.ports.in.RunRefusedException;
import dev.thingyan.ports.model.BackupKind;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.out.FaultPoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md's recovery table, row by row, on the real system: a run "dies" at a chosen point (a
 * {@link Crash} thrown from the fault points), then a newly built system runs start-up recovery
 * and must do what the row says. V1 serves before each run; V2 (healthy) or V3 (unhealthy) is
 * the update.
 */
class RecoveryTableTest {

  @TempDir Path dir;
  private Site site;

  @BeforeEach
  void v1Serving() {
    site = new Site(dir).withV1Serving();
  }

  @AfterEach
  void stopTheApp() {
    site.close();
  }

  @Test
  void nothingTouchedYet_stagingIsCleanedAndTheRunFails_currentUntouched() {
    Run crashed = site.applyAndCrash(SampleEdition.V2, "after-step-end:extract");
    assertThat(crashed.state()).isEqualTo(APPLYING);
    Path staging = crashed.releaseDir().orElseThrow();
    assertThat(staging).isDirectory();

    Run recovered = site.recover();

    assertThat(recovered.state()).isEqualTo(FAILED);
    assertThat(site.statesVisited(recovered)).endsWith(APPLYING, ROLLBACK_RUNNING, FAILED);
    assertThat(staging).as("the staged release is removed").doesNotExist();
    assertThat(site.stepsDone(recovered)).as("nothing to undo: no gate, no swap, no restore")
        .doesNotContain("maintenance_on", "rollback_swap", "db_restore").contains("cleanup");
    site.assertV1Untouched("after recovery");
    assertThat(site.env.appRoot().resolve(".thingyan/downloads/" + recovered.id().value())).doesNotExist();
  }

  @Test
  void killedWhileChecking_endsPrecheckFailed_andInBackup_endsBackupFailed() {
    Run checking = site.applyAndCrash(SampleEdition.V2, "after-transition:checking");
    assertThat(checking.state()).isEqualTo(CHECKING);
    assertThat(site.recover().state()).isEqualTo(PRECHECK_FAILED);
    site.assertV1Untouched("after recovering the run killed while checking");

    Run backingUp = site.applyAndCrash(SampleEdition.V2, "after-step-start:backup");
    assertThat(backingUp.state()).isEqualTo(BACKUP_RUNNING);
    Run recovered = site.recover();
    assertThat(recovered.state()).isEqualTo(BACKUP_FAILED);
    assertThat(recovered.reason()).hasValueSatisfying(r -> assertThat(r).contains("interrupted while backup_running"));
    site.assertV1Untouched("after recovering the run killed in its backup");
  }

  @Test
  void migrationStartedNotFinished_codeRolledBack_waitsForAdmin_restoreDbRestoresIt() {
    Run crashed = migrationInterrupted();

    Run waiting = site.recover();
    assertWaitsForAdmin(waiting);
    assertThat(site.recover().state()).as("a second restart leaves the decision to the admin").isEqualTo(ROLLBACK_RUNNING);

    try (ThingyanSystem system = site.system(FaultPoints.NONE)) {
      assertThatThrownBy(() -> system.applyUpdate().apply(Site.request())).isInstanceOf(RunRefusedException.class)
          .hasMessageContaining("waits for an admin").hasMessageContaining("--restore-db");
      Run done = system.rollbackRelease().rollback(
          new RollbackRelease.Request(Site.ADMIN, Optional.of(true), "restore: the migration was cut off"));
      assertThat(done.state()).isEqualTo(FAILED);
      assertThat(done.awaiting()).isEqualTo(Run.Awaiting.NOTHING);
      assertThat(system.backupDatabase().list()).as("a safety dump was taken before the restore")
          .anySatisfy(b -> assertThat(b.kind()).isEqualTo(BackupKind.SAFETY));
    }
    assertThat(site.stepsDone(crashed)).contains("db_restore", "rollback_health", "maintenance_off", "cleanup");
    site.assertV1Untouched("after the admin chose to restore the database");
  }

  @Test
  void migrationStartedNotFinished_adminChoseRestore_killedInTheRestore_restartFinishesItWithoutAsking() {
    Run crashed = migrationInterrupted();
    assertWaitsForAdmin(site.recover());

    try (ThingyanSystem system = site.system(Crash.at("after-step-start:db_restore"))) {
      assertThatThrownBy(() -> system.rollbackRelease().rollback(
          new RollbackRelease.Request(Site.ADMIN, Optional.of(true), "restore: the migration was cut off")))
          .isInstanceOf(Crash.class);
    }
    Run recovered = site.recover();

    assertThat(recovered.state()).as("recovered run, log:%n%s", site.log(recovered)).isEqualTo(FAILED);
    assertThat(recovered.awaiting()).as("the admin's answer is not asked for again").isEqualTo(Run.Awaiting.NOTHING);
    assertThat(site.stepsDone(crashed)).contains("db_decision", "db_restore", "rollback_health", "cleanup");
    site.assertV1Untouched("after the restore the admin chose was cut off and run again");
  }

  @Test
  void migrationStartedNotFinished_adminKeepsTheDatabase() {
    migrationInterrupted();
    assertWaitsForAdmin(site.recover());

    try (ThingyanSystem system = site.system(FaultPoints.NONE)) {
      Run done = system.rollbackRelease().rollback(
          new RollbackRelease.Request(Site.ADMIN, Optional.of(false), "the migrations are additive: keep"));
      assertThat(done.state()).isEqualTo(FAILED);
      assertThat(site.stepsDone(done)).doesNotContain("db_restore");
    }
    assertThat(site.servingVersion()).isEqualTo("1.0.0");
    assertThat(site.currentTarget()).isEqualTo(site.v1Dir());
    assertThat(site.schema()).as("the database is kept as the migration left it").isEqualTo(Site.V2_SCHEMA);
    assertThat(site.maintenanceFlag()).isFalse();
  }

  /**
   * The run dies right after the migrate step started; its hook process, orphaned, goes on and
   * migrates the database (as {@code sh -c 'bin/app.sh migrate'} does when thingyan is killed).
   */
  private Run migrationInterrupted() {
    Run crashed = site.applyAndCrash(SampleEdition.V2, "after-step-start:migrate");
    assertThat(crashed.state()).isEqualTo(MIGRATING);
    Path staging = crashed.releaseDir().orElseThrow();
    try {
      Process orphan = new ProcessBuilder("sh", "bin/app.sh", "migrate").directory(staging.toFile())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      assertThat(orphan.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(orphan.exitValue()).isZero();
    } catch (Exception e) {
      throw new AssertionError("could not run the orphaned migration", e);
    }
    assertThat(site.schema()).isEqualTo(Site.V2_SCHEMA);
    return crashed;
  }

  private void assertWaitsForAdmin(Run waiting) {
    assertThat(waiting.state()).isEqualTo(ROLLBACK_RUNNING);
    assertThat(waiting.awaiting()).isEqualTo(Run.Awaiting.DB_RESTORE_CONFIRMATION);
    assertThat(waiting.reason()).hasValueSatisfying(r -> assertThat(r).contains("--restore-db").contains("--keep-db"));
    assertThat(site.currentTarget()).as("the code is rolled back (it was never swapped)").isEqualTo(site.v1Dir());
    assertThat(site.servingVersion()).isEqualTo("1.0.0");
    assertThat(site.maintenanceFlag()).as("the gate stays on until the admin decides").isTrue();
  }

  @Test
  void swappedHealthNotRecorded_healthCheckedAgain_completes() {
    Run crashed = site.applyAndCrash(SampleEdition.V2, "after-step-end:swap");
    assertThat(crashed.state()).isEqualTo(HEALTH_CHECK);
    assertThat(site.currentTarget()).isEqualTo(crashed.releaseDir().orElseThrow());
    assertThat(site.servingVersion()).as("post_swap never ran: the old process still serves").isEqualTo("1.0.0");

    Run recovered = site.recover();

    assertThat(recovered.state()).isEqualTo(COMPLETED);
    assertThat(site.stepsDone(recovered)).endsWith("post_swap", "health");
    assertThat(site.servingVersion()).isEqualTo("1.1.0");
    assertThat(site.currentTarget()).isEqualTo(crashed.releaseDir().orElseThrow());
    assertThat(site.schema()).isEqualTo(Site.V2_SCHEMA);
    assertThat(site.v1Dir()).as("the last known good release is kept").isDirectory();
  }

  @Test
  void swappedHealthNotRecorded_newVersionUnhealthy_rolledBack() {
    Run crashed = site.applyAndCrash(SampleEdition.V3, "after-step-end:swap");
    assertThat(crashed.state()).isEqualTo(HEALTH_CHECK);

    Run recovered = site.recover();

    assertThat(recovered.state()).isEqualTo(FAILED);
    assertThat(recovered.reason()).hasValueSatisfying(r -> assertThat(r).contains("health"));
    assertThat(site.stepsDone(recovered)).contains("post_swap", "rollback_swap", "rollback_post_swap", "db_restore");
    assertThat(crashed.releaseDir().orElseThrow()).doesNotExist();
    site.assertV1Untouched("after the unhealthy release was rolled back");
  }

  /**
   * The health check of V3 failed and the rollback had switched {@code current} back to V1 when
   * the process died: V3's app process still runs. Recovery must go on from there (restart V1,
   * restore the database, check health) rather than start over or stop.
   */
  @Test
  void inRollback_theRollbackContinuesToFailed() {
    Run crashed = site.applyAndCrash(SampleEdition.V3, "after-step-end:rollback_swap");
    assertThat(crashed.state()).isEqualTo(ROLLBACK_RUNNING);
    assertThat(site.currentTarget()).isEqualTo(site.v1Dir());
    assertThat(site.servingVersion()).as("V3's process still runs").startsWith("not serving (503");

    Run recovered = site.recover();

    assertThat(recovered.state()).as("recovered run, log:%n%s", site.log(recovered)).isEqualTo(FAILED);
    assertThat(site.stepsDone(recovered)).contains("rollback_post_swap", "db_restore", "rollback_health", "cleanup");
    site.assertV1Untouched("after the interrupted rollback was continued");
  }

  @Test
  void inRollback_interruptedDatabaseRestoreIsRunAgain() {
    Run crashed = site.applyAndCrash(SampleEdition.V3, "after-step-start:db_restore");
    assertThat(crashed.state()).isEqualTo(ROLLBACK_RUNNING);

    Run recovered = site.recover();

    assertThat(recovered.state()).as("recovered run, log:%n%s", site.log(recovered)).isEqualTo(FAILED);
    site.assertV1Untouched("after the interrupted restore was run again");
    assertThat(Files.exists(crashed.releaseDir().orElseThrow())).isFalse();
  }
}

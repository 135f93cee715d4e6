package dev.thingyan.bootstrap.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thingyan.bootstrap.crash.CrashPoint.Expect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The crash matrix: for each point of an update from V1 to V2, a child JVM applying V2 is
 * SIGKILLed there; a restarted thingyan ({@code status --json}, which runs start-up recovery)
 * must leave either V2 completed and serving or V1 serving from its own folder on its own schema
 * (after the admin's {@code rollback --restore-db} when the migration's fate is unknown), no lock
 * left behind (the next {@code apply} of V2 completes), and no maintenance gate or block.
 *
 * <p>One sandbox serves every trial: after each, {@code rollback --restore-db} brings back "V1
 * serving, V2 published". A failed trial replaces the sandbox, so one failure does not cascade.
 * {@code -Dcrash.points=a,b} runs only the points whose names contain one of the given parts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashMatrixTest {

  private static final String MIGRATE_CMD = "$ bin/app.sh migrate";
  private static final String HOLD_MARKER = "CRASH-TEST-HOLDING";
  private final Path buildDir = TestPaths.buildDir();
  private final Path work = buildDir.resolve("crash-work");
  private final List<MatrixRow> rows = new ArrayList<>();
  private Sandbox sandbox;
  private int sandboxes;
  private Duration idleStatus = Duration.ZERO;
  private String previousPoint = "none: a fresh sandbox";

  @TestFactory
  Stream<DynamicTest> everyCrashPointEndsCompletedOrOnTheOldVersion() {
    List<CrashPoint> points = selected();
    return points.stream().map(p -> DynamicTest.dynamicTest(p.name(),
        () -> runTrial(p, p == points.get(points.size() - 1))));
  }

  private void runTrial(CrashPoint point, boolean last) {
    long start = System.nanoTime();
    boolean passed = false;
    try {
      Sandbox sb = sandbox();
      MatrixRow row = trial(sb, point, last);
      rows.add(row.took(Duration.ofNanos(System.nanoTime() - start)));
      passed = true;
    } catch (RuntimeException | AssertionError e) {
      rows.add(MatrixRow.failed(point, e, Duration.ofNanos(System.nanoTime() - start)));
      throw e;
    } finally {
      if (!passed) {
        closeSandbox(); // the next trial starts from a fresh one
      }
    }
  }

  /**
   * Kill, recover, check the outcome, then show that no lock was left behind: the same release is
   * applied again and runs to completion (after points that leave something half done, and after
   * the last trial), or the next trial's apply gets past the locks to its own crash point.
   */
  private MatrixRow trial(Sandbox sb, CrashPoint point, boolean last) {
    String id = point.fileName();
    ThingyanProcess.Result killed = kill(sb, point);
    assertThat(killed.exit()).as("the apply was refused: the previous trial (%s) left a lock or a run behind: %s",
        previousPoint, killed).isNotEqualTo(3);
    assertThat(killed.killedBySigkill()).as("the apply was SIGKILLed at %s: %s", point.name(), killed).isTrue();
    if (point.how() == CrashPoint.How.FAULT_POINT) {
      assertThat(killed.err()).as("the fault point was reached: %s", killed)
          .contains("fault point " + point.name() + " reached");
    }
    previousPoint = point.name();

    Sandbox.Status recovered = sb.status(id + "-recover");
    JsonNode run = recovered.last();
    assertThat(run.path("kind").asText()).as("the last run is the killed update: %s", run).isEqualTo("update");
    assertThat(run.path("target_version").asText()).isEqualTo(Sandbox.V2);
    assertThat(recovered.blocked()).as("updates are not blocked: %s", recovered.json()).isFalse();
    Path releaseDir = run.path("release_dir").isTextual() ? Path.of(run.path("release_dir").asText()) : null;

    String outcome;
    String ended = recovered.lastState();
    if (point.expect() == Expect.AWAITS_ADMIN) {
      awaitAdminThenRestore(sb, id, recovered);
      ended = "failed";
      outcome = "awaited admin, restored, 1.0.0 serving";
    } else if (point.expect() == Expect.COMPLETED) {
      assertThat(recovered.lastState()).as("recovered run %s", run).isEqualTo("completed");
      assertThat(recovered.hasActive()).isFalse();
      sb.assertV2Serving("after recovery", releaseDir);
      outcome = "completed 1.1.0";
    } else {
      assertThat(recovered.lastState()).as("recovered run %s", run).isEqualTo(point.expect().endState);
      assertThat(recovered.hasActive()).isFalse();
      sb.assertV1Serving("after recovery");
      outcome = (point.expect() == Expect.ROLLED_BACK ? "rolled back" : point.expect().endState.replace('_', ' '))
          + ", 1.0.0 serving";
    }
    if (point.expect() != Expect.COMPLETED && releaseDir != null) {
      assertThat(releaseDir).as("the run's staged release was cleaned up").doesNotExist();
    }
    assertThat(sb.maintenanceFlag()).as("maintenance gate lifted").isFalse();

    String next;
    if (point.expect() == Expect.COMPLETED) {
      nothingNewerNotRefused(sb, id);
      reset(sb, id + "-reset");
      next = "not refused; rollback ok";
    } else if (point.leftovers() || point.expect() == Expect.AWAITS_ADMIN || last) {
      applyAgainCompletes(sb, id);
      reset(sb, id + "-reset");
      next = "apply again: completed";
    } else {
      next = "next trial's apply";
    }
    return new MatrixRow(point.name(), outcome, ended, recovered.process().took(), next, null, null);
  }

  private ThingyanProcess.Result kill(Sandbox sb, CrashPoint point) {
    String label = point.fileName() + "-apply-killed";
    switch (point.how()) {
      case FAULT_POINT:
        return sb.cli(label, Map.of("THINGYAN_FAULT", point.name()), "apply");
      case POWER_CUT_DURING_MIGRATE:
        try (ThingyanProcess p = sb.startCli(label, sb.env.configFile(), Map.of(), "apply")) {
          assertThat(p.waitUntil(() -> p.outSoFar().contains(MIGRATE_CMD), Duration.ofMinutes(2)))
              .as("the migrate hook started: %s", p.outSoFar()).isTrue();
          // at once: on a quiet machine the whole migration can finish within a second, and the
          // point of this trial is a kill while the migrate step is open (its JVM is still starting)
          sleep(100);
          p.powerCut();
          return p.await(Duration.ofSeconds(30));
        }
      case KILL_AFTER_SCHEMA_CHANGED:
        try (ThingyanProcess p = sb.startCli(label, holdingMigrateConfig(sb), Map.of(), "apply")) {
          assertThat(p.waitUntil(() -> p.outSoFar().contains(HOLD_MARKER), Duration.ofMinutes(2)))
              .as("the migrations ran and the step holds: %s", p.outSoFar()).isTrue();
          assertThat(sb.schema().isOf(Sandbox.V2)).as("V2's migrations were applied before the kill: %s", sb.schema())
              .isTrue();
          p.powerCut();
          return p.await(Duration.ofSeconds(30));
        }
      default:
        throw new IllegalArgumentException(point.how().toString());
    }
  }

  /** The configuration with a second migrate command that holds the step open after the real one. */
  private static Path holdingMigrateConfig(Sandbox sb) {
    try {
      String yaml = Files.readString(sb.env.configFile());
      String real = "    - {run: bin/app.sh migrate, only_if: bin/app.sh pending, timeout: 3m}\n";
      assertThat(yaml).contains(real);
      Path config = sb.dir.resolve("thingyan-holding-migrate.yaml");
      Files.writeString(config, yaml.replace(real, real
          + "    - {run: \"echo " + HOLD_MARKER.toLowerCase() + " | tr a-z A-Z; sleep 120\", timeout: 3m}\n"));
      return config;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * An interrupted migration: the code is back on V1, the run waits for the admin (and refuses a
   * new update saying so, not because of a lock); {@code rollback --restore-db} then restores.
   */
  private void awaitAdminThenRestore(Sandbox sb, String id, Sandbox.Status recovered) {
    assertThat(recovered.lastState()).as("run %s", recovered.last()).isEqualTo("rollback_running");
    assertThat(recovered.awaitingDbDecision()).as("awaits the DB decision: %s", recovered.last()).isTrue();
    assertThat(sb.servingVersion()).as("V1 serves while the admin decides").isEqualTo(Sandbox.V1);
    assertThat(sb.currentTarget()).isEqualTo(sb.v1Dir());

    ThingyanProcess.Result refused = sb.cli(id + "-apply-while-awaiting", Map.of(), "apply");
    assertThat(refused.exit()).as("apply refused while the decision is pending: %s", refused).isEqualTo(3);
    assertThat(refused.out() + refused.err()).doesNotContain(" lock").contains("rollback --restore-db");

    // exit 0: the run ended (failed, as an undone update does), not rollback_failed, awaiting nothing
    ThingyanProcess.Result restore = sb.cli(id + "-restore-db", Map.of(), "rollback", "--restore-db");
    assertThat(restore.exit()).as("rollback --restore-db: %s", restore).isZero();
    assertThat(restore.out()).contains("ended: failed");
    sb.assertV1Serving("after the admin restored the database");
  }

  /** After a completed recovery nothing is newer: apply stops at its precheck, not at a lock. */
  private static void nothingNewerNotRefused(Sandbox sb, String id) {
    ThingyanProcess.Result r = sb.cli(id + "-apply-nothing-newer", Map.of(), "apply");
    assertThat(r.exit()).as("apply with nothing newer ends precheck_failed, not refused: %s", r).isEqualTo(1);
    assertThat(r.out()).contains("ended: precheck_failed").contains("no release newer than 1.1.0");
  }

  /** No lock left behind: the same release applied again runs to completed. */
  private static void applyAgainCompletes(Sandbox sb, String id) {
    ThingyanProcess.Result again = sb.cli(id + "-apply-again", Map.of(), "apply");
    assertThat(again.exit()).as("the next apply completes (no stale lock obeyed): %s", again).isZero();
    assertThat(again.out()).contains("ended: completed");
    Path current = sb.currentTarget();
    assertThat(current.getFileName().toString()).startsWith(Sandbox.V2 + "-");
    sb.assertV2Serving("after applying V2 again", current);
  }

  /** Back to "V1 serving, V2 published" with the admin's tool. */
  private static void reset(Sandbox sb, String label) {
    ThingyanProcess.Result r = sb.cli(label, Map.of(), "rollback", "--restore-db", "--reason", "crash matrix reset");
    assertThat(r.exit()).as("rollback --restore-db to V1: %s", r).isZero();
    sb.assertV1Serving("after the reset");
  }

  private Sandbox sandbox() {
    if (sandbox == null) {
      Sandbox sb = new Sandbox(work.resolve("sandbox-" + System.currentTimeMillis() + "-" + ++sandboxes),
          buildDir.resolve("crash-logs"));
      try {
        sb.installV1ThenPublishV2();
        idleStatus = sb.status("idle-status").process().took();
      } catch (RuntimeException | AssertionError e) {
        sb.close();
        throw e;
      }
      sandbox = sb;
      previousPoint = "none: a fresh sandbox";
    }
    return sandbox;
  }

  private void closeSandbox() {
    if (sandbox != null) {
      sandbox.close();
      sandbox = null;
    }
  }

  @AfterAll
  void printMatrix() throws java.io.IOException {
    closeSandbox();
    String table = MatrixRow.render(rows, idleStatus);
    System.out.println(table);
    Files.createDirectories(buildDir);
    Files.writeString(buildDir.resolve("crash-matrix.txt"), table);
  }

  private static List<CrashPoint> selected() {
    String filter = System.getProperty("crash.points", "").trim();
    if (filter.isEmpty()) {
      return CrashPoint.all();
    }
    List<String> parts = Arrays.stream(filter.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    return CrashPoint.all().stream().filter(p -> parts.stream().anyMatch(p.name()::contains)).toList();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}

package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.bootstrap.demo.DemoRelease;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.in.GateRefusedException;
import dev.thingyan.ports.in.RunRefusedException;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maintenance gate on the real sample app, whose gate behaves like Laravel's
 * {@code php artisan down --secret}: 503 for everyone, {@code GET /<secret>} sets a bypass cookie.
 * The hooks raise it with {@code THINGYAN_GATE_SECRET} (and print the secret, which the run log
 * must mask). Checks behind the gate pass it, and the gate comes down only when the app is healthy.
 */
class MaintenanceGateTest {

  /** The gate the sample app keeps: {@code shared/down} holds the secret. */
  static final UnaryOperator<String> GATE_HOOKS = yaml -> yaml.replace("hooks:\n", String.join("\n",
      "hooks:",
      "  maintenance_on:",
      "    - printf %s \"$THINGYAN_GATE_SECRET\" > \"$THINGYAN_SHARED_DIR/down\"",
      "    - cp \"$THINGYAN_SHARED_DIR/down\" \"$THINGYAN_SHARED_DIR/down.seen\"",
      "    - echo \"raised with $THINGYAN_GATE_SECRET\"",
      "  maintenance_off:",
      "    - rm -f \"$THINGYAN_SHARED_DIR/down\"",
      ""));

  @TempDir Path dir;
  private Sandbox sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) sandbox.close();
  }

  private Path shared(String name) {
    return sandbox.env.appRoot().resolve("shared").resolve(name);
  }

  private String secretSeen() throws Exception {
    return Files.readString(shared("down.seen")).strip();
  }

  @Test
  void aBrokenReleaseThatMigratedFailsAtItsFirst500AndTheRollbackCheckPassesBehindTheGate() throws Exception {
    sandbox = new Sandbox(dir, GATE_HOOKS);
    Run installed = sandbox.install(SampleEdition.V2);
    assertThat(installed.state()).as(() -> sandbox.log(installed)).isEqualTo(RunState.COMPLETED);
    // 1.2.0's migration adds a table: the rollback restores the database behind the gate
    DemoRelease broken = sandbox.releases.of(SampleEdition.V3, "1.2.1")
        .brokenHealth("views not writable (e2e)", 500).build();

    Run run = sandbox.install(broken);

    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.FAILED);
    assertThat(run.reason()).hasValueSatisfying(r -> assertThat(r).contains("at attempt 1", "-> 500"));
    assertThat(sandbox.log(run)).doesNotContain("attempt 2/");
    assertThat(sandbox.stepOutcomes(run)).containsSubsequence("migrate:SUCCEEDED", "swap:SUCCEEDED",
        "health:FAILED", "maintenance_on:SUCCEEDED", "rollback_swap:SUCCEEDED", "db_restore:SUCCEEDED",
        "rollback_health:SUCCEEDED", "maintenance_off:SUCCEEDED");
    assertThat(sandbox.steps(run)).filteredOn(s -> s.step().equals("rollback_health")).singleElement()
        .satisfies(s -> assertThat(s.detail()).hasValueSatisfying(d -> assertThat(d).contains("through the maintenance gate")));
    assertThat(sandbox.maintenanceFlag()).isFalse();
    assertThat(shared("down")).doesNotExist();
    assertThat(sandbox.health()).startsWith("200 ").contains("\"app_version\":\"1.1.0\"");
    String secret = secretSeen();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(16);
    assertThat(sandbox.log(run)).contains("raised with ***").doesNotContain(secret);
  }

  @Test
  void aBrokenReleaseThatChangedNoDataIsSwappedBackAtOnceWithoutTheGate() throws Exception {
    sandbox = new Sandbox(dir, GATE_HOOKS);
    Run installed = sandbox.install(SampleEdition.V2);
    assertThat(installed.state()).as(() -> sandbox.log(installed)).isEqualTo(RunState.COMPLETED);
    DemoRelease broken = sandbox.releases.of(SampleEdition.V2, "1.1.1")
        .brokenHealth("views not writable (e2e)", 500).build();

    Run run = sandbox.install(broken);

    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.FAILED);
    assertThat(sandbox.stepOutcomes(run)).containsSubsequence("swap:SUCCEEDED", "health:FAILED",
        "rollback_swap:SUCCEEDED", "rollback_health:SUCCEEDED", "cleanup:SUCCEEDED");
    // the known good release answers the moment it is current again: no gate in between
    assertThat(sandbox.stepNames(run)).doesNotContain("maintenance_on", "maintenance_off", "db_restore");
    assertThat(shared("down.seen")).doesNotExist();
    assertThat(sandbox.maintenanceFlag()).isFalse();
    assertThat(sandbox.health()).startsWith("200 ").contains("\"app_version\":\"1.1.0\"");
  }

  @Test
  void aReleaseThatRequiresMaintenanceInstallsWithTheGateUpOnlyAroundItsMigration() throws Exception {
    sandbox = new Sandbox(dir, GATE_HOOKS);
    assertThat(sandbox.install(SampleEdition.V2).state()).isEqualTo(RunState.COMPLETED);
    DemoRelease gated = sandbox.releases.of(SampleEdition.V2, "1.2.0").maintenanceRequired().build();

    Run run = sandbox.install(gated);

    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.COMPLETED);
    assertThat(sandbox.stepNames(run)).containsSubsequence("warm", "maintenance_on", "migrate", "swap",
        "post_swap", "health", "maintenance_off");
    assertThat(sandbox.stepNames(run)).doesNotContain("rollback_swap");
    assertThat(sandbox.maintenanceFlag()).isFalse();
    assertThat(shared("down")).doesNotExist();
    assertThat(sandbox.health()).startsWith("200 ").contains("\"app_version\":\"1.2.0\"");
  }

  @Test
  void aBlockedSiteIsRepairedThenResolveLowersTheGateOnlyOnceTheAppIsHealthy() throws Exception {
    sandbox = new Sandbox(dir, GATE_HOOKS);
    // the very first install is broken: there is nothing to roll back to, the gate stays up
    DemoRelease broken = sandbox.releases.of(SampleEdition.V1, "1.0.0").brokenHealth("boom (e2e)", 500).build();
    Run run = sandbox.install(broken);
    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.ROLLBACK_FAILED);
    assertThat(sandbox.maintenanceFlag()).isTrue();
    assertThat(sandbox.health()).startsWith("503 ");

    try (CliProcess status = CliProcess.start(dir, "status", sandbox.env.configFile(), "status")) {
      CliProcess.Result r = status.await();
      assertThat(r.stdout()).as(r::toString).contains("BLOCKED", "Maintenance mode: on",
          "Raised because: rollback of run " + run.id());
    }
    assertThatThrownBy(() -> sandbox.apply(null, RunOptions.DEFAULT)).isInstanceOf(RunRefusedException.class)
        .hasMessageContaining("blocked");
    try (CliProcess resolve = CliProcess.start(dir, "resolve", sandbox.env.configFile(), "resolve",
        "--reason", "not yet")) {
      CliProcess.Result r = resolve.await();
      assertThat(r.exitCode()).as(r::toString).isEqualTo(3);
      assertThat(r.stderr()).contains("does not answer healthy", "-> 500");
    }
    assertThat(sandbox.maintenanceFlag()).isTrue();
    assertThat(sandbox.health()).startsWith("503 ");

    // the admin repairs the app by hand behind the gate
    Path current = sandbox.current().orElseThrow();
    Files.writeString(current.resolve("config/app.properties"), "version=1.0.0\n");
    Process restart = new ProcessBuilder("sh", current.resolve("bin/restart.sh").toString())
        .directory(current.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(restart.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(restart.exitValue()).isZero();

    Run resolved = sandbox.system.resolveBlock().resolve(Sandbox.ADMIN, "fixed the config by hand");

    assertThat(resolved.blocksUpdates()).isFalse();
    assertThat(sandbox.maintenanceFlag()).isFalse();
    assertThat(shared("down")).doesNotExist();
    assertThat(sandbox.health()).startsWith("200 ").contains("\"app_version\":\"1.0.0\"");
  }

  @Test
  void gateOnAndOffByHandThroughTheSameFlagAndHooks() throws Exception {
    sandbox = new Sandbox(dir, GATE_HOOKS);
    assertThat(sandbox.install(SampleEdition.V2).state()).isEqualTo(RunState.COMPLETED);

    try (CliProcess on = CliProcess.start(dir, "on", sandbox.env.configFile(), "gate", "on", "--reason", "night audit")) {
      CliProcess.Result r = on.await();
      assertThat(r.exitCode()).as(r::toString).isZero();
      assertThat(r.stdout()).contains("The maintenance gate is up");
    }
    assertThat(sandbox.maintenanceFlag()).isTrue();
    assertThat(sandbox.health()).startsWith("503 ");
    assertThat(sandbox.system.queryRuns().status().gate().reason())
        .hasValueSatisfying(r -> assertThat(r).contains("night audit"));

    assertThat(sandbox.system.switchGate().lower(Sandbox.ADMIN, "audit done").up()).isFalse();

    assertThat(sandbox.health()).startsWith("200 ");
    assertThat(shared("down")).doesNotExist();
    assertThat(sandbox.audit()).extracting(e -> e.action()).contains("system.gate.on", "system.gate.off");
    assertThat(sandbox.auditChainIntact()).isTrue();
  }

  @Test
  void aRestoreLiftsOnlyTheGateItRaised() throws Exception {
    sandbox = new Sandbox(dir, GATE_HOOKS);
    assertThat(sandbox.install(SampleEdition.V2).state()).isEqualTo(RunState.COMPLETED);
    var backup = sandbox.system.backupDatabase().backup(Sandbox.ADMIN, n -> {});

    sandbox.system.backupDatabase().restore(Sandbox.ADMIN, backup.backupId(), n -> {});
    assertThat(sandbox.maintenanceFlag()).as("its own gate comes down").isFalse();
    assertThat(sandbox.health()).startsWith("200 ");

    sandbox.system.switchGate().raise(Sandbox.ADMIN, "repairing");
    sandbox.system.backupDatabase().restore(Sandbox.ADMIN, backup.backupId(), n -> {});
    assertThat(sandbox.maintenanceFlag()).as("the admin's gate stays up for gate off to check").isTrue();
    assertThat(sandbox.system.queryRuns().status().gate().reason())
        .hasValueSatisfying(r -> assertThat(r).contains("repairing"));
    assertThat(sandbox.health()).startsWith("503 ");
  }

  @Test
  void aGateWithoutItsBypassCannotBeLoweredAndSaysWhy() throws Exception {
    sandbox = new Sandbox(dir, GATE_HOOKS);
    assertThat(sandbox.install(SampleEdition.V2).state()).isEqualTo(RunState.COMPLETED);
    sandbox.system.switchGate().raise(Sandbox.ADMIN, "test");
    // someone re-raised the app's gate with another secret: the checks cannot pass it
    Files.writeString(shared("down"), "another-secret-nobody-told-thingyan");

    assertThatThrownBy(() -> sandbox.system.switchGate().lower(Sandbox.ADMIN, "done"))
        .isInstanceOf(GateRefusedException.class).hasMessageContaining("-> 503");
    assertThat(sandbox.maintenanceFlag()).isTrue();
  }
}

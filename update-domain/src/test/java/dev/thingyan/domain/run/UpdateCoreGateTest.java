package dev.thingyan.domain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.thingyan.ports.in.GateRefusedException;
import dev.thingyan.ports.in.RollbackRelease;
import dev.thingyan.ports.in.RunRefusedException;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.AuditEvent;
import dev.thingyan.ports.model.GateStatus;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's side of the gate through the core's driving ports: {@code gate on|off}, the
 * lowering {@code resolve} does, and which commands a {@code rollback_failed} block allows.
 */
class UpdateCoreGateTest {

  private static final Actor ADMIN = new Actor("cli:admin");

  @TempDir Path dir;

  private static Run blocking() {
    Instant at = Instant.parse("2026-12-07T10:00:00Z");
    return new Run(new RunId("r-9"), RunKind.UPDATE, RunState.ROLLBACK_FAILED, Optional.of(Version.parse("1.1.0")),
        Optional.of(Version.parse("1.2.0")), ADMIN, at, at, Optional.empty(), Optional.empty(), Optional.empty(),
        Run.Awaiting.NOTHING, Optional.of("rollback failed: health"), Optional.empty(), RunOptions.DEFAULT);
  }

  private UpdateCore core(GateWorld world) {
    return new UpdateCore(world.corePorts(), world.settings(true, 2));
  }

  @Test
  void gateOnAndOffGoThroughTheFlagAndTheHooksAndAreAudited() {
    GateWorld world = new GateWorld(dir.resolve("current"));
    UpdateCore core = core(world);

    GateStatus on = core.raise(ADMIN, "night audit");
    assertThat(on.up()).isTrue();
    assertThat(on.reason()).hasValueSatisfying(r -> assertThat(r).contains("night audit"));
    assertThat(world.ran).extracting(GateWorld.Ran::command).containsExactly("down --secret=$THINGYAN_GATE_SECRET");

    GateStatus off = core.lower(ADMIN, "audit done");
    assertThat(off.up()).isFalse();
    assertThat(world.ran).extracting(GateWorld.Ran::command).endsWith("up");
    assertThat(world.asked).as("checked through the gate before lowering it")
        .singleElement().satisfies(ctx -> assertThat(ctx.gate()).isPresent());
    assertThat(world.audit).extracting(AuditEvent::action).containsExactly("system.gate.on", "system.gate.off");
    assertThat(world.audit.get(0).attributes()).containsEntry("reason", "night audit");
  }

  @Test
  void anUnhealthyAppKeepsTheGateUp() {
    GateWorld world = new GateWorld(dir.resolve("current"));
    UpdateCore core = core(world);
    core.raise(ADMIN, "repair");
    world.health = n -> ProbeResult.broken("GET /health -> 500");

    assertThatThrownBy(() -> core.lower(ADMIN, "done?"))
        .isInstanceOfSatisfying(GateRefusedException.class, e -> {
          assertThat(e.why()).isEqualTo(GateRefusedException.Why.UNHEALTHY);
          assertThat(e.detail()).contains("-> 500");
        });
    assertThat(world.workspace.maintenanceFlag()).isTrue();
    assertThat(world.ran).extracting(GateWorld.Ran::command).doesNotContain("up");
    assertThat(world.audit).extracting(AuditEvent::action).containsExactly("system.gate.on");
  }

  @Test
  void anAppPutDownByHandIsTakenOverSoTheCheckCanPassItThenLowered() throws Exception {
    Path current = Files.createDirectories(dir.resolve("current"));
    Files.createDirectories(current.resolve("storage/framework"));
    Files.writeString(current.resolve("storage/framework/down"), "{}");
    GateWorld world = new GateWorld(current);
    UpdateCore core = core(world);
    assertThat(core.status().appGateWithoutFlag()).isTrue();

    core.lower(ADMIN, "someone ran artisan down");

    assertThat(world.ran).extracting(GateWorld.Ran::command)
        .containsExactly("down --secret=$THINGYAN_GATE_SECRET", "up");
    assertThat(world.asked).singleElement().satisfies(ctx -> assertThat(ctx.gate()).isPresent());
    assertThat(world.workspace.maintenanceFlag()).isFalse();
  }

  @Test
  void resolveLowersTheGateOnlyWhenTheAppIsHealthy() {
    GateWorld world = new GateWorld(dir.resolve("current"));
    UpdateCore core = core(world);
    Run blocked = blocking();
    when(world.journal.findBlocking()).thenReturn(Optional.of(blocked));
    when(world.journal.find(blocked.id())).thenReturn(Optional.of(blocked));
    core.raise(ADMIN, "left up by the failed rollback");
    world.health = n -> ProbeResult.failed("GET /health -> 503");

    assertThatThrownBy(() -> core.resolve(ADMIN, "restarted php-fpm"))
        .isInstanceOf(GateRefusedException.class).hasMessageContaining("-> 503");
    verify(world.journal, never()).resolve(any(), any(), anyString());
    assertThat(world.workspace.maintenanceFlag()).isTrue();

    world.health = n -> ProbeResult.ok("200, app_version 1.1.0");
    core.resolve(ADMIN, "restarted php-fpm");

    verify(world.journal).resolve(blocked.id(), ADMIN, "restarted php-fpm");
    assertThat(world.workspace.maintenanceFlag()).isFalse();
    assertThat(world.audit).extracting(AuditEvent::action).endsWith("system.gate.off", "system.update.resolved");
    assertThat(world.ran).extracting(GateWorld.Ran::command).endsWith("up");
  }

  @Test
  void resolveAskedToKeepTheGateClearsTheBlockOfAnUnhealthyAppAndLeavesTheGateUp() {
    GateWorld world = new GateWorld(dir.resolve("current"));
    UpdateCore core = core(world);
    Run blocked = blocking();
    when(world.journal.findBlocking()).thenReturn(Optional.of(blocked));
    when(world.journal.find(blocked.id())).thenReturn(Optional.of(blocked));
    core.raise(ADMIN, "left up by the failed first install");
    world.health = n -> ProbeResult.broken("GET /health -> 500");

    core.resolve(ADMIN, "the next release is the repair", true);

    verify(world.journal).resolve(blocked.id(), ADMIN, "the next release is the repair");
    assertThat(world.workspace.maintenanceFlag()).as("the gate stays up").isTrue();
    assertThat(world.ran).extracting(GateWorld.Ran::command).doesNotContain("up");
    assertThat(world.audit).last().satisfies(e -> {
      assertThat(e.action()).isEqualTo("system.update.resolved");
      assertThat(e.attributes()).containsEntry("gate", "kept up");
    });
  }

  @Test
  void whileBlockedRepairsAreAllowedButUpdatesAreNot() {
    GateWorld world = new GateWorld(dir.resolve("current"));
    UpdateCore core = core(world);
    when(world.journal.findBlocking()).thenReturn(Optional.of(blocking()));

    assertThatThrownBy(() -> core.apply(new UpdateRequest(ADMIN, Optional.empty(), RunOptions.DEFAULT)))
        .isInstanceOf(RunRefusedException.class).hasMessageContaining("updates are blocked");
    // a restore passes the block and stops only at the unknown backup
    assertThatThrownBy(() -> core.restore(ADMIN, "b-404", n -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no backup b-404");
    // a rollback passes the block and stops only because there is nothing older to go to
    assertThatThrownBy(() -> core.rollback(new RollbackRelease.Request(ADMIN, Optional.empty(), "repair")))
        .isInstanceOf(RunRefusedException.class).hasMessageNotContaining("blocked")
        .hasMessageContaining("no release older");
    assertThat(core.raise(ADMIN, "repairing").up()).isTrue();
  }
}

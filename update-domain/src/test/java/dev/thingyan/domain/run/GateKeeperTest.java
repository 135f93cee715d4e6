package dev.thingyan.domain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.GateBypass;
import dev.thingyan.ports.model.MaintenanceFlag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raising and lowering the gate: the order of flag and hooks, the secret, and its masking. */
class GateKeeperTest {

  @TempDir Path dir;

  private final List<String> lines = new ArrayList<>();
  private final HookExecutor.HookLog log = (level, step, line) -> lines.add(line);

  @Test
  void raisingWritesTheFlagWithANewSecretFirstThenGivesItToTheHooks() {
    GateWorld world = new GateWorld(dir.resolve("current"));
    RunServices s = world.services(true, 1);

    s.gate.raise(log, "maintenance_on", "rollback of run r-1", Map.of("THINGYAN_RUN_ID", "r-1"));

    MaintenanceFlag flag = world.workspace.readMaintenanceFlag().orElseThrow();
    String secret = flag.bypass().orElseThrow().secret();
    assertThat(secret).hasSize(32).matches("[A-Za-z0-9_-]+");
    assertThat(flag.reason()).isEqualTo("rollback of run r-1");
    assertThat(world.ran).singleElement().satisfies(r -> {
      assertThat(r.env()).containsEntry(GateKeeper.SECRET_ENV, secret).containsEntry("THINGYAN_RUN_ID", "r-1");
      assertThat(r.flagAtTheTime()).as("the flag is up before the hook runs").contains(flag);
    });
    // the hook printed the secret: the run log (RunRecorder) masks it with the shared masker
    assertThat(s.masker.mask(String.join("\n", lines))).doesNotContain(secret).contains("ran with ***");
  }

  @Test
  void raisingARaisedGateKeepsItsSecretAndEachRaiseMakesANewOne() {
    GateWorld world = new GateWorld(dir.resolve("current"));
    RunServices s = world.services(true, 1);

    s.gate.raise(log, "maintenance_on", "first", Map.of());
    s.gate.raise(log, "maintenance_on", "again (a recovery)", Map.of());
    assertThat(world.ran.get(1).env().get(GateKeeper.SECRET_ENV))
        .isEqualTo(world.ran.get(0).env().get(GateKeeper.SECRET_ENV));

    s.gate.lower(log, "maintenance_off", Map.of());
    s.gate.raise(log, "maintenance_on", "another day", Map.of());
    assertThat(world.ran.get(3).env().get(GateKeeper.SECRET_ENV))
        .isNotEqualTo(world.ran.get(0).env().get(GateKeeper.SECRET_ENV));
  }

  @Test
  void loweringRunsTheHooksWhileTheFlagIsStillUpAndAFailedHookKeepsIt() {
    GateWorld world = new GateWorld(dir.resolve("current"));
    RunServices s = world.services(true, 1);
    s.gate.raise(log, "maintenance_on", "up", Map.of());

    world.exit = c -> c.equals("up") ? 1 : 0;
    assertThatThrownBy(() -> s.gate.lower(log, "maintenance_off", Map.of()))
        .isInstanceOf(StepFailedException.class);
    assertThat(world.workspace.maintenanceFlag()).as("a gate whose hook failed is still up").isTrue();

    world.exit = c -> 0;
    s.gate.lower(log, "maintenance_off", Map.of());
    assertThat(world.ran.get(2).flagAtTheTime()).isPresent();
    assertThat(world.workspace.maintenanceFlag()).isFalse();
  }

  @Test
  void statusNoticesAnAppPutDownByHand() throws Exception {
    Path current = Files.createDirectories(dir.resolve("current"));
    GateWorld world = new GateWorld(current);
    RunServices s = world.services(true, 1);
    assertThat(s.gate.status().appGateWithoutFlag()).isFalse();

    Files.createDirectories(current.resolve("storage/framework"));
    Files.writeString(current.resolve("storage/framework/down"), "{}");
    assertThat(s.gate.status().appGateWithoutFlag()).isTrue();
    assertThat(s.gate.status().up()).isFalse();

    world.workspace.raiseMaintenanceFlag("ours", new GateBypass("0123456789abcdefghijKLMNOP"));
    assertThat(s.gate.status().appGateWithoutFlag()).as("thingyan's own gate").isFalse();
    assertThat(s.gate.status().reason()).contains("ours");
  }
}

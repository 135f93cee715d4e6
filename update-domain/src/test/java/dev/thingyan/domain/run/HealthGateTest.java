package dev.thingyan.domain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.GateBypass;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.model.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health wait: what is retried, what ends it at once, and the gate's bypass given to probes. */
class HealthGateTest {

  @TempDir Path dir;

  private final List<String> warnings = new ArrayList<>();
  private final HookExecutor.HookLog log = (level, step, line) -> {
    if (level == LogLevel.WARN) warnings.add(line);
  };

  @Test
  void aBrokenAnswerEndsTheWaitAtOnceWithFailFast() {
    GateWorld world = new GateWorld(dir);
    world.health = n -> ProbeResult.broken("GET /health -> 500");
    RunServices s = world.services(true, 10);

    long started = System.nanoTime();
    assertThatThrownBy(() -> s.health.check(log, "health", Optional.of(Version.parse("1.2.0"))))
        .isInstanceOf(StepFailedException.class)
        .hasMessageContaining("at attempt 1").hasMessageContaining("-> 500")
        .hasMessageContaining("health.fail_fast");

    assertThat(world.asked).hasSize(1);
    assertThat(System.nanoTime() - started).isLessThan(250_000_000L); // less than one interval
  }

  @Test
  void withoutFailFastABrokenAnswerIsAskedAgainLikeBefore() {
    GateWorld world = new GateWorld(dir);
    world.health = n -> ProbeResult.broken("GET /health -> 500");
    RunServices s = world.services(false, 3);

    assertThatThrownBy(() -> s.health.check(log, "health", Optional.empty()))
        .hasMessageContaining("after 3 attempts");
    assertThat(world.asked).hasSize(3);
  }

  @Test
  void notReadyIsRetriedUntilItPasses() {
    GateWorld world = new GateWorld(dir);
    world.health = n -> n < 2 ? ProbeResult.failed("GET /health -> 503") : ProbeResult.ok("200, app_version 1.2.0");
    RunServices s = world.services(true, 5);

    assertThat(s.health.check(log, "health", Optional.empty())).contains("attempt 3");
    assertThat(world.asked).hasSize(3);
    assertThat(warnings).hasSize(2).allMatch(w -> w.contains("-> 503"));
  }

  @Test
  void whileTheGateIsUpEveryProbeIsToldItsBypass() {
    GateWorld world = new GateWorld(dir);
    RunServices s = world.services(true, 3);
    GateBypass bypass = new GateBypass("0123456789abcdefghijKLMNOP");
    world.workspace.raiseMaintenanceFlag("rollback of run r-1", bypass);

    assertThat(s.health.check(log, "rollback_health", Optional.of(Version.parse("1.1.0"))))
        .contains("through the maintenance gate");
    assertThat(world.asked).singleElement().satisfies(ctx -> {
      assertThat(ctx.gate()).contains(bypass);
      assertThat(ctx.expectedVersion()).contains(Version.parse("1.1.0"));
    });

    world.workspace.setMaintenanceFlag(false, "");
    s.health.check(log, "health", Optional.empty());
    assertThat(world.asked.get(1).gate()).isEmpty();
  }
}

package dev.thingyan.domain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.thingyan.domain.policy.SecretMasker;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.GateBypass;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.StepOutcome;
import dev.thingyan.ports.model.StepRecord;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.CommandRunner;
import dev.thingyan.ports.out.FaultPoints;
import dev.thingyan.ports.out.PreviewServer;
import dev.thingyan.ports.out.RunListener;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview before the swap: the HTTP checks ask the staged release where the preview server
 * serves it, expecting the new version; a failure names the preview check; the server is stopped
 * on every path, and after a crash by recovery.
 */
class PreviewStepTest {

  private static final URI ORIGIN = URI.create("http://127.0.0.1:8181");

  @TempDir Path dir;

  private GateWorld world;
  private FakePreview server;

  /** A preview server that records what it was asked; {@code startFails} makes it fail to serve. */
  static final class FakePreview implements PreviewServer {
    final List<String> calls = new ArrayList<>();
    boolean serving;
    boolean leftByACrash;
    RuntimeException startFails;
    boolean serves = true;

    @Override
    public boolean serves() {
      return serves;
    }

    @Override
    public URI start(Path releaseDir, CommandRunner.OutputSink log) {
      calls.add("start " + releaseDir.getFileName());
      if (startFails != null) throw startFails;
      serving = true;
      log.line(false, "serving " + releaseDir.getFileName());
      return ORIGIN;
    }

    @Override
    public List<String> stop() {
      calls.add("stop");
      boolean was = serving || leftByACrash;
      serving = false;
      leftByACrash = false;
      return was ? List.of("stopped the preview server") : List.of();
    }

    @Override
    public String describe() {
      return "a fake preview";
    }
  }

  @BeforeEach
  void setUp() {
    world = new GateWorld(dir.resolve("current"));
    server = new FakePreview();
    world.preview = Optional.of(server);
    when(world.journal.find(any())).thenReturn(Optional.of(run()));
  }

  private static Run run() {
    Instant at = Instant.parse("2026-12-07T10:00:00Z");
    return new Run(new RunId("r-7"), RunKind.UPDATE, RunState.HEALTH_CHECK, Optional.of(Version.parse("1.1.0")),
        Optional.of(Version.parse("1.2.0")), new Actor("cli:admin"), at, at, Optional.empty(), Optional.empty(),
        Optional.empty(), Run.Awaiting.NOTHING, Optional.empty(), Optional.empty(), RunOptions.DEFAULT);
  }

  private RunRecorder recorder(RunServices s) {
    return new RunRecorder(world.journal, RunListener.NONE, FaultPoints.NONE, new SecretMasker(Set.of()), run());
  }

  @Test
  void theHttpChecksAskTheStagedReleaseForTheNewVersionAndTheServerIsStopped() {
    RunServices s = world.services(true, 3);
    new PreviewStep(s).check(recorder(s), dir.resolve("releases/1.2.0-20261207"));

    assertThat(world.asked).singleElement().satisfies(ctx -> {
      assertThat(ctx.origin()).contains(ORIGIN);
      assertThat(ctx.expectedVersion()).contains(Version.parse("1.2.0"));
    });
    assertThat(server.calls).containsExactly("start 1.2.0-20261207", "stop");
    assertThat(server.serving).isFalse();
    verify(world.journal).stepEnded(eq(new RunId("r-7")), eq(PreviewStep.STEP), eq(StepOutcome.SUCCEEDED), any());
  }

  @Test
  void aBrokenStagedReleaseFailsTheStepWithAReasonNamingThePreviewAndIsStopped() {
    world.health = n -> ProbeResult.broken("GET http://127.0.0.1:8181/health -> 500");
    RunServices s = world.services(true, 10);

    assertThatThrownBy(() -> new PreviewStep(s).check(recorder(s), dir.resolve("releases/1.2.0-x")))
        .isInstanceOfSatisfying(StepFailedException.class, e -> {
          assertThat(e.step()).isEqualTo(PreviewStep.STEP);
          assertThat(e.getMessage()).startsWith("preview check failed before the swap")
              .contains("no production request reached the release").contains("-> 500").contains("attempt 1");
        });
    assertThat(world.asked).as("fail fast: asked once").hasSize(1);
    assertThat(server.calls).endsWith("stop");
    assertThat(server.serving).isFalse();
  }

  @Test
  void aServerThatCannotServeFailsThePreviewAndWhatItStartedIsStopped() {
    server.startFails = new IllegalStateException("the preview server `php -S` exited (255) before it listened");
    RunServices s = world.services(true, 3);

    assertThatThrownBy(() -> new PreviewStep(s).check(recorder(s), dir.resolve("releases/1.2.0-x")))
        .isInstanceOfSatisfying(StepFailedException.class, e -> assertThat(e.getMessage())
            .startsWith("preview check failed: the staged release could not be served").contains("exited (255)"));
    assertThat(world.asked).isEmpty();
    assertThat(server.calls).containsExactly("start 1.2.0-x", "stop");
  }

  @Test
  void theGateBypassReachesThePreviewWhileTheGateIsUp() {
    GateBypass bypass = new GateBypass("0123456789abcdefghijKLMNOP");
    world.workspace.raiseMaintenanceFlag("release 1.2.0 requires maintenance", bypass);
    RunServices s = world.services(true, 3);

    new PreviewStep(s).check(recorder(s), dir.resolve("releases/1.2.0-x"));

    assertThat(world.asked).singleElement().satisfies(ctx -> {
      assertThat(ctx.gate()).contains(bypass);
      assertThat(ctx.origin()).contains(ORIGIN);
    });
  }

  @Test
  void checksThatCannotReachAPreviewAreLeftToThePostSwapCheck() {
    world.probeFollowsOrigin = false;
    RunServices s = world.services(true, 3);

    new PreviewStep(s).check(recorder(s), dir.resolve("releases/1.2.0-x"));

    assertThat(world.asked).isEmpty();
    verify(world.journal).stepEnded(eq(new RunId("r-7")), eq(PreviewStep.STEP), eq(StepOutcome.SUCCEEDED),
        org.mockito.ArgumentMatchers.contains("no HTTP health check"));
  }

  @Test
  void withoutAPreviewServerNothingHappens() {
    world.preview = Optional.empty();
    RunServices s = world.services(true, 3);

    new PreviewStep(s).check(recorder(s), dir.resolve("releases/1.2.0-x"));

    assertThat(world.asked).isEmpty();
    verify(world.journal, never()).stepStarted(any(), eq(PreviewStep.STEP));
  }

  @Test
  void recoveryStopsWhatAKilledProcessLeftWhenTheRunReachedThePreview() {
    server.leftByACrash = true;
    when(world.journal.steps(new RunId("r-7"))).thenReturn(List.of(new StepRecord(new RunId("r-7"),
        PreviewStep.STEP, Instant.now(), Optional.empty(), Optional.empty(), Optional.empty())));
    RunServices s = world.services(true, 3);

    new PreviewStep(s).cleanUpAfterCrash(recorder(s));

    assertThat(server.calls).containsExactly("stop");
    assertThat(server.leftByACrash).isFalse();
    verify(world.journal).stepEnded(eq(new RunId("r-7")), eq(PreviewStep.CLEANUP_STEP), eq(StepOutcome.SUCCEEDED),
        org.mockito.ArgumentMatchers.contains("stopped the preview server"));
  }

  @Test
  void withThePreviewOffNothingIsServedButRecoveryStillRemovesWhatAnEarlierOneLeft() {
    server.serves = false;
    server.leftByACrash = true;
    when(world.journal.steps(new RunId("r-7"))).thenReturn(List.of(new StepRecord(new RunId("r-7"),
        PreviewStep.STEP, Instant.now(), Optional.empty(), Optional.empty(), Optional.empty())));
    RunServices s = world.services(true, 3);

    new PreviewStep(s).check(recorder(s), dir.resolve("releases/1.2.0-x"));
    assertThat(server.calls).isEmpty();
    verify(world.journal, never()).stepStarted(any(), eq(PreviewStep.STEP));

    new PreviewStep(s).cleanUpAfterCrash(recorder(s));
    assertThat(server.calls).containsExactly("stop");
    assertThat(server.leftByACrash).isFalse();
  }

  @Test
  void recoveryLeavesThePreviewAloneWhenTheRunNeverReachedIt() {
    when(world.journal.steps(new RunId("r-7"))).thenReturn(List.of());
    RunServices s = world.services(true, 3);

    new PreviewStep(s).cleanUpAfterCrash(recorder(s));

    assertThat(server.calls).isEmpty();
  }
}

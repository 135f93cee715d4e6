package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.Standalone;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.in.RunRefusedException;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run at a time, for real: two systems built from the same configuration (same H2 journal
 * file, same app root) applying in two threads released at the same moment, then a second
 * {@code thingyan apply} process started while a first one runs. An install hook that sleeps
 * keeps each run long enough to overlap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ConcurrentApplyTest {

  @TempDir static Path dir;
  private Sandbox sandbox;

  @BeforeAll
  void start() {
    sandbox = new Sandbox(dir, yaml -> yaml.replace("hooks:\n",
        "hooks:\n  install:\n    - {run: sleep 3, timeout: 1m}\n"));
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  @Test
  @Order(1)
  void twoSystemsApplyingAtOnceRunOneUpdateAndRefuseTheOther() throws Exception {
    sandbox.env.publish(SampleEdition.V1);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Object> outcomes;
    try (ThingyanSystem first = Standalone.open(sandbox.env.loadConfig());
        ThingyanSystem second = Standalone.open(sandbox.env.loadConfig())) {
      List<Future<Object>> answers = List.of(threads.submit(() -> applyTogether(first, together)),
          threads.submit(() -> applyTogether(second, together)));
      outcomes = List.of(answers.get(0).get(3, TimeUnit.MINUTES), answers.get(1).get(3, TimeUnit.MINUTES));
    } finally {
      threads.shutdownNow();
    }

    assertThat(outcomes).filteredOn(Run.class::isInstance).singleElement()
        .satisfies(r -> assertThat(((Run) r).state()).as(() -> sandbox.log((Run) r)).isEqualTo(RunState.COMPLETED));
    assertThat(outcomes).filteredOn(RunRefusedException.class::isInstance).singleElement()
        .satisfies(e -> assertThat(((RunRefusedException) e).getMessage())
            .contains("another thingyan process", "lock", "wait for it to finish"));
    assertThat(sandbox.system.queryRuns().history(10)).hasSize(1);
    assertThat(sandbox.health()).contains("\"app_version\":\"1.0.0\"");
  }

  @Test
  @Order(2)
  void anApplyProcessStartedWhileAnotherRunsExitsRefusedAndTheFirstCompletes() throws Exception {
    sandbox.env.publish(SampleEdition.V2);
    int runsBefore = sandbox.system.queryRuns().history(100).size();

    CliProcess.Result completed;
    CliProcess.Result refused;
    try (CliProcess first = CliProcess.start(dir, "first", sandbox.env.configFile(), "apply")) {
      awaitActiveRun();
      try (CliProcess second = CliProcess.start(dir, "second", sandbox.env.configFile(), "apply")) {
        refused = second.await();
      }
      completed = first.await();
    }

    assertThat(completed.exitCode()).as(completed::toString).isZero();
    assertThat(completed.stdout()).contains("1.1.0");
    assertThat(refused.exitCode()).as(refused::toString).isEqualTo(3);
    assertThat(refused.stderr()).contains("Refused: another thingyan process is working", "journal lock")
        .as("a run another process works on was not recovered by this one").doesNotContain("Recovered");
    assertThat(sandbox.system.queryRuns().history(100)).hasSize(runsBefore + 1);
    assertThat(sandbox.system.queryRuns().history(1).get(0).state()).isEqualTo(RunState.COMPLETED);
    assertThat(sandbox.health()).contains("\"app_version\":\"1.1.0\"");
  }

  private void awaitActiveRun() throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(120);
    while (sandbox.system.queryRuns().status().active().isEmpty()) {
      assertThat(Instant.now()).as("the first process started a run within 2 minutes").isBefore(deadline);
      Thread.sleep(100);
    }
  }

  private static Object applyTogether(ThingyanSystem system, CyclicBarrier together) throws Exception {
    together.await(1, TimeUnit.MINUTES);
    try {
      return system.applyUpdate().apply(new UpdateRequest(Sandbox.ADMIN, Optional.empty(), RunOptions.DEFAULT));
    } catch (RunRefusedException refused) {
      return refused;
    }
  }
}

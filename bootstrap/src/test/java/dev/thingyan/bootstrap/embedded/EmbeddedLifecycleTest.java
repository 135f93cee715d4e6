package dev.thingyan.bootstrap.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.bootstrap.DemoEnvironment;
import dev.thingyan.bootstrap.ThingyanBuilder;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.error.SystemClosedException;
import dev.thingyan.ports.error.ThingyanException;
import dev.thingyan.ports.error.ValidationException;
import dev.thingyan.ports.in.RollbackRelease;
import dev.thingyan.ports.in.RunRefusedException;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunProgress;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.out.RunListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a host embedding the library relies on, on the real sample app: a run started in the
 * system's thread and followed through its events and structured progress; listeners that can be
 * removed; close() stopping a run at a step boundary and refusing everything afterwards; and only
 * {@link ThingyanException}s out of the ports.
 */
class EmbeddedLifecycleTest {

  private static final UpdateRequest LATEST =
      new UpdateRequest(new Actor("host:ui"), Optional.empty(), RunOptions.DEFAULT);
  @TempDir Path dir;
  private DemoEnvironment env;

  @BeforeEach
  void publish() {
    env = new DemoEnvironment(dir);
    env.publish(SampleEdition.V1);
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void aStartedRunIsFollowedThroughItsEventsAndProgress() throws Exception {
    List<RunProgress> progress = new CopyOnWriteArrayList<>();
    List<RunEvent> removedSaw = new CopyOnWriteArrayList<>();
    try (ThingyanSystem system = ThingyanBuilder.from(env.loadConfig()).build()) {
      system.addListener(new RunListener() {
        @Override
        public void onEvent(RunEvent event) {}

        @Override
        public void onProgress(RunProgress p) {
          progress.add(p);
        }
      });
      ThingyanSystem.Subscription removed = system.addListener(removedSaw::add);
      removed.close();

      RunId id = system.startUpdate().start(LATEST);

      List<RunEvent> seen = new java.util.ArrayList<>();
      Run run = poll(system, id, seen);
      assertThat(run.state()).isEqualTo(RunState.COMPLETED);
      assertThat(seen).extracting(RunEvent::seq).isSorted().doesNotHaveDuplicates();
      assertThat(seen).extracting(RunEvent::message).anyMatch(m -> m.contains("download"));
      assertThat(system.watchRuns().events(id, seen.get(seen.size() - 1).seq(), 100)).isEmpty();
      assertThat(progress).filteredOn(p -> p.step().equals("download")).isNotEmpty()
          .allSatisfy(p -> assertThat(p.runId()).isEqualTo(id))
          .last().satisfies(p -> {
            assertThat(p.bytesTotal()).isPositive();
            assertThat(p.bytesDone()).isEqualTo(p.bytesTotal());
            assertThat(p.attempt()).isEqualTo(1);
          });
      assertThat(removedSaw).as("a removed listener hears nothing").isEmpty();
    }
  }

  @Test
  void aRefusedStartIsThrownBeforeAnyRunExists() {
    try (ThingyanSystem system = ThingyanBuilder.from(env.loadConfig()).build()) {
      system.applyUpdate().apply(LATEST);
      int runs = system.queryRuns().history(100).size();
      // nothing to roll back to after the first install: refused with a code, nothing started
      assertThatThrownBy(() -> system.rollbackRelease().rollback(
          new RollbackRelease.Request(new Actor("host:ui"), Optional.of(false), "test")))
          .isInstanceOf(RunRefusedException.class)
          .satisfies(e -> assertThat(((ThingyanException) e).code()).isEqualTo("run_refused"));
      assertThat(system.queryRuns().history(100)).hasSize(runs);
    }
  }

  @Test
  void closeRefusesEveryLaterCall() {
    ThingyanSystem system = ThingyanBuilder.from(env.loadConfig()).build();
    system.queryRuns().status();
    system.close();
    system.close();

    List<Runnable> calls = List.of(
        () -> system.queryRuns().status(),
        () -> system.applyUpdate().apply(LATEST),
        () -> system.startUpdate().start(LATEST),
        () -> system.checkForUpdates().check(LATEST),
        () -> system.watchRuns().events(RunId.random(), 0, 10),
        () -> system.backupDatabase().list(),
        () -> system.switchGate().status(),
        () -> system.recoverRuns().recover(),
        () -> system.submitErrorReport().submit(new Actor("host"), Map.of("title", "x")),
        () -> system.queryErrorReports().stats(),
        system::startReportWorker);
    for (Runnable call : calls) {
      assertThatThrownBy(call::run).isInstanceOf(SystemClosedException.class)
          .satisfies(e -> assertThat(((ThingyanException) e).code()).isEqualTo("system_closed"));
    }
  }

  @Test
  void closeStopsARunAtItsNextStepBoundaryAndTheNextStartRecoversIt() throws Exception {
    Thread[] closer = new Thread[1];
    ThingyanSystem system = ThingyanBuilder.from(env.loadConfig()).build();
    system.addListener(e -> {
      if (closer[0] == null && e.step().equals(Optional.of("download"))) {
        closer[0] = new Thread(system::close, "host-shutdown");
        closer[0].start();
      }
    });
    assertThatThrownBy(() -> system.applyUpdate().apply(LATEST))
        .isInstanceOf(SystemClosedException.class);
    closer[0].join();
    assertThatThrownBy(() -> system.queryRuns().status()).isInstanceOf(SystemClosedException.class);

    try (ThingyanSystem next = ThingyanBuilder.from(env.loadConfig()).build()) {
      Run stopped = next.queryRuns().status().active().orElseThrow();
      assertThat(stopped.state().isEnding()).isFalse();
      Run recovered = next.recoverRuns().recover().orElseThrow();
      assertThat(recovered.state().isEnding()).as(recovered.state().toString()).isTrue();
      assertThat(next.queryRuns().status().active()).isEmpty();
    }
  }

  @Test
  void onlyThingyanExceptionsLeaveThePorts() {
    try (ThingyanSystem system = ThingyanBuilder.from(env.loadConfig()).build()) {
      assertThatThrownBy(() -> system.applyUpdate().apply(null))
          .isInstanceOf(ValidationException.class).hasMessageContaining("missing");
      assertThatThrownBy(() -> system.watchRuns().events(RunId.random(), -1, 10))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> system.queryRuns().run(null))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> system.submitErrorReport().submit(new Actor("host"), Map.of()))
          .isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ThingyanException) e).code()).isEqualTo("report_invalid"));
      assertThatThrownBy(() -> system.backupDatabase().verify(new Actor("host"), "no-such-backup"))
          .isInstanceOf(ThingyanException.class);
    }
    assertThatThrownBy(() -> new RollbackRelease.Request(new Actor("host"), Optional.empty(), " "))
        .isInstanceOf(ValidationException.class).hasMessageContaining("reason");
  }

  private static Run poll(ThingyanSystem system, RunId id, List<RunEvent> seen)
      throws InterruptedException {
    long after = 0;
    for (int i = 0; i < 1200; i++) {
      List<RunEvent> batch = system.watchRuns().events(id, after, 50);
      seen.addAll(batch);
      after = batch.isEmpty() ? after : batch.get(batch.size() - 1).seq();
      Run run = system.queryRuns().run(id).orElseThrow().run();
      if (run.state().isEnding() && batch.isEmpty()) {
        return run;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run did not end within two minutes");
  }
}

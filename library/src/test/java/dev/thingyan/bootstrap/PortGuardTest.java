package dev.thingyan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.error.RefusedException;
import dev.thingyan.ports.error.SystemClosedException;
import dev.thingyan.ports.error.ThingyanException;
import dev.thingyan.ports.error.ValidationException;
import dev.thingyan.ports.out.FaultPoints;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/** The boundary every port of a built system is seen through. */
class PortGuardTest {

  /** A port shaped like the real ones. */
  interface Port {
    String call(String id, LongConsumer progress);
  }

  private final PortGuard guard = new PortGuard();

  @Test
  void whateverTheCoreThrowsLeavesAsAThingyanException() {
    Port bug = guard.guard(Port.class, (id, p) -> {
      throw new IllegalStateException("a bug");
    });
    assertThatThrownBy(() -> bug.call("x", null)).isExactlyInstanceOf(ThingyanException.class)
        .hasMessage("a bug").hasCauseInstanceOf(IllegalStateException.class)
        .satisfies(e -> assertThat(((ThingyanException) e).code()).isEqualTo("internal_error"));

    Port strict = guard.guard(Port.class, (id, p) -> {
      throw new IllegalArgumentException("id: not a backup id");
    });
    assertThatThrownBy(() -> strict.call("x", null)).isInstanceOf(ValidationException.class)
        .hasMessage("id: not a backup id");

    Port refusing = guard.guard(Port.class, (id, p) -> {
      throw new RefusedException("busy");
    });
    assertThatThrownBy(() -> refusing.call("x", null)).isExactlyInstanceOf(RefusedException.class);
  }

  @Test
  void aMissingArgumentIsNamedAndAMissingProgressIsNobodyListening() {
    List<String> seen = new CopyOnWriteArrayList<>();
    Port port = guard.guard(Port.class, (id, p) -> {
      p.accept(5);
      seen.add(id);
      return id;
    });
    assertThat(port.call("b-1", null)).isEqualTo("b-1");
    assertThatThrownBy(() -> port.call(null, d -> { }))
        .isInstanceOf(ValidationException.class).hasMessageContaining("missing");
    assertThat(seen).containsExactly("b-1");
  }

  @Test
  void closeWaitsForTheCallInProgressThenRefusesEveryCall() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Port slow = guard.guard(Port.class, (id, p) -> {
      inside.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "done";
    });
    String[] result = new String[1];
    Thread caller = new Thread(() -> result[0] = slow.call("x", null));
    caller.start();
    inside.await();

    boolean[] idle = new boolean[1];
    Thread closer = new Thread(() -> idle[0] = guard.closeAndWait(Duration.ofMinutes(1)));
    closer.start();
    while (!guard.closed()) {
      Thread.onSpinWait();
    }
    assertThatThrownBy(() -> slow.call("y", null)).isInstanceOf(SystemClosedException.class);
    assertThat(closer.isAlive()).as("close waits for the call in progress").isTrue();
    release.countDown();
    closer.join();
    caller.join();
    assertThat(idle[0]).isTrue();
    assertThat(result[0]).isEqualTo("done");
  }

  @Test
  void aClosingSystemStopsARunAtAStepEndOnly() {
    List<String> reached = new CopyOnWriteArrayList<>();
    FaultPoints points = guard.stoppingAtStepEnds(reached::add);
    points.reach("after-step-end:download");
    guard.closeAndWait(Duration.ZERO);
    points.reach("after-step-start:extract");
    points.reach("download:progress");
    assertThatThrownBy(() -> points.reach("after-step-end:extract"))
        .isInstanceOf(SystemClosedException.class);
    assertThat(reached).containsExactly("after-step-end:download", "after-step-start:extract",
        "download:progress", "after-step-end:extract");
  }

  @Test
  void aBoundedCloseGivesUpOnACallThatDoesNotReturn() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    Port stuck = guard.guard(Port.class, (id, p) -> {
      inside.countDown();
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return id;
    });
    Thread caller = new Thread(() -> stuck.call("x", null));
    caller.setDaemon(true);
    caller.start();
    inside.await();
    assertThat(guard.closeAndWait(Duration.ofMillis(50))).isFalse();
    never.countDown();
    caller.join();
  }
}

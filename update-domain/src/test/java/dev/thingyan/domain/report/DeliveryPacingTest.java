package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.report.DeliveryPass;
import dev.thingyan.ports.model.report.DeliveryState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One worker, one request at a time, writes at least a second apart, whoever sends them. */
class DeliveryPacingTest {
  private final DeliveryWorld world = new DeliveryWorld();

  @Test
  void writesStaySpacedAcrossPassesAndRestarts() {
    for (int k = 0; k < 6; k++) {
      world.submit(DeliveryVolumeTest.kind(k), "1.4.2");
    }
    DeliveryPass first = world.deliver(Duration.ofMillis(500));
    assertThat(first.created()).isEqualTo(1);
    Instant firstWrite = world.tracker.writes().get(0).at();
    assertThat(first.pausedUntil()).as("the next write may go a second later")
        .contains(firstWrite.plusSeconds(1));

    // the next pass starts at once, but must wait for the spacing the journal remembers
    DeliveryPass second = world.deliver(Duration.ofMillis(1_500));
    assertThat(second.created()).isEqualTo(1);

    world.restart(); // a new process: only the journal knows when the last write went
    world.deliver(Duration.ofMillis(200));
    world.restart();
    world.deliver();

    assertThat(world.tracker.writes()).hasSize(6);
    world.assertWritesSpacedBy(Duration.ofSeconds(1));
    assertThat(world.outbox.deliveryState().lastWriteAt())
        .contains(world.tracker.writes().get(5).at());
  }

  @Test
  void honoursALongerConfiguredSpacing() {
    ReportSettings slow = new ReportSettings(DeliveryWorld.LABELS, Duration.ofHours(1),
        Duration.ofSeconds(3), InAppRules.DEFAULT, java.util.List.of(), Duration.ofDays(30), "w");
    DeliveryWorld w = new DeliveryWorld(new InMemoryReportOutbox(), slow);
    for (int k = 0; k < 4; k++) {
      w.submit(DeliveryVolumeTest.kind(k), "1.4.2");
    }
    w.deliver();
    assertThat(w.tracker.writes()).hasSize(4);
    w.assertWritesSpacedBy(Duration.ofSeconds(3));
  }

  @Test
  void aLeaseHeldByAnotherWorkerMeansThisPassDoesNothing() {
    world.submit("A", "1.4.2");
    assertThat(world.outbox.tryLease("other-host:42", world.clock.instant(),
        Duration.ofMinutes(2))).isTrue();

    DeliveryPass pass = world.deliver();

    assertThat(pass.leaseHeld()).isFalse();
    assertThat(pass.folded()).isZero();
    assertThat(world.tracker.calls()).isEmpty();
    assertThat(world.outbox.stats().pending()).isEqualTo(1);
    assertThat(world.outbox.leaseHolder()).contains("other-host:42");

    world.clock.advance(Duration.ofMinutes(3)); // the other worker died; its lease ran out
    assertThat(world.deliver().created()).isEqualTo(1);
    assertThat(world.outbox.leaseHolder()).as("released after the pass").isEmpty();
  }

  @Test
  void aPassThatLostItsLeaseWhileWaitingSendsNothingMore() {
    world.submit("A", "1.4.2");
    world.outbox.saveDeliveryState(new DeliveryState(
        Optional.of(world.clock.instant().plus(Duration.ofMinutes(10))), 0,
        Optional.of("rate limited"), Optional.empty(), Optional.empty()));
    // while this pass waits out the rate limit, its 2-minute lease expires and another takes it
    world.clock.onSleep(() -> world.outbox.tryLease("other-host:42", world.clock.instant(),
        Duration.ofMinutes(2)));

    DeliveryPass pass = world.deliver(Duration.ofHours(1));

    assertThat(world.tracker.writes()).as("two workers must never write at once").isEmpty();
    assertThat(pass.created()).isZero();
    assertThat(pass.lastError()).hasValueSatisfying(e -> assertThat(e).contains("lease"));
    assertThat(world.outbox.leaseHolder()).contains("other-host:42");
  }
}

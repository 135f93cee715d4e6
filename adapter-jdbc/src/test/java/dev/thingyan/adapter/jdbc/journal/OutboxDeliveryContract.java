package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalFixture.millis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.report.DeliveryState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The delivery worker's lease and its saved state. */
interface OutboxDeliveryContract extends OutboxFixture {

  Duration TTL = Duration.ofMinutes(1);

  @Test
  default void theLeaseIsHeldByOneOwnerUntilItExpiresOrIsReleased() {
    Instant now = clock().instant();
    assertThat(outbox().tryLease("worker-a", now, TTL)).isTrue();
    assertThat(outbox().tryLease("worker-b", now.plusSeconds(30), TTL)).isFalse();
    assertThat(outbox().tryLease("worker-a", now.plusSeconds(30), TTL)).as("renewed").isTrue();
    assertThat(outbox().tryLease("worker-b", now.plusSeconds(89), TTL)).isFalse();
    assertThat(outbox().tryLease("worker-b", now.plusSeconds(90), TTL)).as("expired").isTrue();

    outbox().releaseLease("worker-a");
    assertThat(outbox().tryLease("worker-a", now.plusSeconds(91), TTL)).isFalse();
    outbox().releaseLease("worker-b");
    assertThat(outbox().tryLease("worker-a", now.plusSeconds(91), TTL)).isTrue();
  }

  @Test
  default void aDeletedLeaseRowIsMadeAgainByTheFirstTaker() throws Exception {
    executeRaw("DELETE FROM thingyan_report_lease");
    Instant now = clock().instant();
    assertThat(outbox().tryLease("worker-a", now, TTL)).isTrue();
    assertThat(outbox().tryLease("worker-b", now, TTL)).isFalse();
  }

  @Test
  default void ofTwoProcessesRacingForTheFreeLeaseExactlyOneWins() throws Exception {
    try (TwoProcesses two = new TwoProcesses(settings())) {
      for (int round = 0; round < 15; round++) {
        Instant now = clock().instant();

        List<Boolean> won = two.race((o, racer) -> o.tryLease("worker-" + racer, now, TTL));

        assertThat(won).as("round %d", round).containsExactlyInAnyOrder(true, false);
        outbox().releaseLease(won.get(0) ? "worker-0" : "worker-1");
      }
    }
  }

  @Test
  default void theDeliveryStateRoundTripsAndStartsInitial() throws Exception {
    assertThat(outbox().deliveryState()).isEqualTo(DeliveryState.INITIAL);
    Instant at = clock().instant();
    DeliveryState busy = new DeliveryState(Optional.of(at.plusSeconds(60)), 3,
        Optional.of("403 rate limited — ကန့်သတ်ချက်"), Optional.of(at),
        Optional.of(at.minusSeconds(5)));

    outbox().saveDeliveryState(busy);
    assertThat(outbox().deliveryState()).isEqualTo(new DeliveryState(
        Optional.of(millis(at.plusSeconds(60))), 3, busy.lastError(), Optional.of(millis(at)),
        Optional.of(millis(at.minusSeconds(5)))));

    outbox().saveDeliveryState(DeliveryState.INITIAL);
    assertThat(outbox().deliveryState()).isEqualTo(DeliveryState.INITIAL);

    executeRaw("DELETE FROM thingyan_report_delivery");
    assertThat(outbox().deliveryState()).isEqualTo(DeliveryState.INITIAL);
    outbox().saveDeliveryState(new DeliveryState(Optional.empty(), 1, Optional.empty(),
        Optional.empty(), Optional.empty()));
    assertThat(outbox().deliveryState().failures()).isEqualTo(1);
  }
}

package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalFixture.millis;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.ports.model.LockHolder;
import dev.thingyan.ports.out.RunLock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The journal's lock row: compare-and-set on its holder. */
interface RunLockContract extends JournalFixture {

  private LockHolder holder(long pid, Instant at) {
    return new LockHolder(pid, "pms-1", "boot-" + pid, at, at.plus(Duration.ofMinutes(10)));
  }

  /** As the database keeps it: milliseconds. */
  private static LockHolder stored(LockHolder h) {
    return new LockHolder(
        h.pid(), h.host(), h.bootId(), millis(h.acquiredAt()), millis(h.leaseUntil()));
  }

  @Test
  default void aFreeLockIsTakenAndReportsItsHolder() {
    RunLock lock = journal().runLock();
    assertThat(lock.name()).isEqualTo("journal");
    assertThat(lock.holder()).isEmpty();
    LockHolder me = holder(100, clock().instant());

    assertThat(lock.tryAcquire(me, Optional.empty())).isTrue();
    assertThat(lock.holder()).contains(stored(me));
  }

  @Test
  default void aHeldLockRefusesAnyoneWhoDoesNotNameItsHolder() {
    RunLock lock = journal().runLock();
    LockHolder a = holder(100, clock().instant());
    LockHolder b = holder(200, clock().instant());
    lock.tryAcquire(a, Optional.empty());

    assertThat(lock.tryAcquire(b, Optional.empty())).isFalse();
    assertThat(lock.tryAcquire(b, Optional.of(holder(300, clock().instant())))).isFalse();
    LockHolder aWithOtherLease =
        new LockHolder(100, "pms-1", "boot-100", a.acquiredAt(), a.leaseUntil().plusSeconds(1));
    assertThat(lock.tryAcquire(b, Optional.of(aWithOtherLease))).isFalse();
    assertThat(lock.holder()).contains(stored(a));
  }

  @Test
  default void namingTheCurrentHolderTakesTheLockOver() {
    RunLock lock = journal().runLock();
    LockHolder stale = holder(100, clock().instant());
    lock.tryAcquire(stale, Optional.empty());
    LockHolder me = holder(200, clock().advance(Duration.ofHours(1)));

    assertThat(lock.tryAcquire(me, lock.holder())).isTrue();
    assertThat(lock.holder()).contains(stored(me));
    // the caller's own copy (with nanoseconds) names the holder just as well
    LockHolder renewed =
        new LockHolder(
            200,
            "pms-1",
            "boot-200",
            me.acquiredAt(),
            me.leaseUntil().plus(Duration.ofMinutes(10)));
    assertThat(lock.tryAcquire(renewed, Optional.of(me))).isTrue();
  }

  @Test
  default void releaseByANonHolderIsIgnoredAndByTheHolderFreesTheLock() {
    RunLock lock = journal().runLock();
    LockHolder a = holder(100, clock().instant());
    lock.tryAcquire(a, Optional.empty());

    lock.release(holder(200, clock().instant()));
    assertThat(lock.holder()).contains(stored(a));

    LockHolder aRenewed =
        new LockHolder(100, "pms-1", "boot-100", a.acquiredAt(), a.leaseUntil().plusSeconds(60));
    lock.release(aRenewed);
    assertThat(lock.holder()).isEmpty();
    assertThat(lock.tryAcquire(holder(200, clock().instant()), Optional.empty())).isTrue();
  }

  @Test
  default void aDeletedLockRowIsMadeAgainByTheFirstAcquirer() throws Exception {
    executeRaw("DELETE FROM thingyan_run_lock");
    RunLock lock = journal().runLock();
    assertThat(lock.holder()).isEmpty();
    assertThat(lock.tryAcquire(holder(100, clock().instant()), Optional.empty())).isTrue();
    assertThat(lock.tryAcquire(holder(200, clock().instant()), Optional.empty())).isFalse();
  }

  @Test
  default void ofTwoProcessesRacingForTheFreeLockExactlyOneWins() throws Exception {
    List<HikariDataSource> pools =
        List.of(
            DataSources.pool(settings(), "racer-a", 1), DataSources.pool(settings(), "racer-b", 1));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<RunLock> locks =
          pools.stream().map(p -> (RunLock) new JdbiRunLock(Jdbi.create(p))).toList();
      for (int round = 0; round < 15; round++) {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          RunLock lock = locks.get(i);
          LockHolder me = holder(1000 + i, clock().instant());
          racers.add(
              () -> {
                start.await();
                return lock.tryAcquire(me, Optional.empty());
              });
        }
        List<Boolean> won = new ArrayList<>();
        for (Future<Boolean> f : threads.invokeAll(racers)) {
          won.add(f.get());
        }
        assertThat(won).as("round %d", round).containsExactlyInAnyOrder(true, false);
        LockHolder winner = journal().runLock().holder().orElseThrow();
        assertThat(winner.pid()).isEqualTo(won.get(0) ? 1000 : 1001);
        journal().runLock().release(winner);
      }
    } finally {
      threads.shutdownNow();
      pools.forEach(HikariDataSource::close);
    }
  }
}

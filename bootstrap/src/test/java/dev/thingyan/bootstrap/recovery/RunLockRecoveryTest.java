package dev.thingyan.bootstrap.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.adapter.jdbc.journal.JournalDatabase;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.in.RunRefusedException;
import dev.thingyan.ports.model.LockHolder;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.out.FaultPoints;
import dev.thingyan.ports.out.RunLock;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's lock row on restart: one left by a process that is gone is broken (recovery and
 * the next run go ahead); one whose holder lives (here: this JVM, another thread) is obeyed with
 * a refusal that names it. No app is installed: the runs die while checking.
 */
class RunLockRecoveryTest {

  @TempDir Path dir;
  private Site site;

  @BeforeEach
  void site() {
    site = new Site(dir);
    site.publish(SampleEdition.V1);
  }

  @AfterEach
  void close() {
    site.close();
  }

  @Test
  void aLockRowLeftByADeadProcessIsBrokenNotObeyed() throws Exception {
    Run crashed = site.applyAndCrash(SampleEdition.V1, "after-transition:checking");
    LockHolder dead = holder(deadPid());
    withJournalLock(lock -> assertThat(lock.tryAcquire(dead, Optional.empty())).isTrue());

    Run recovered = site.recover();

    assertThat(recovered.id()).isEqualTo(crashed.id());
    assertThat(recovered.state()).as("recovered, not left to a dead holder").isEqualTo(RunState.PRECHECK_FAILED);
    withJournalLock(lock -> assertThat(lock.holder()).as("released after recovery").isEmpty());

    // and a new run, finding the dead holder's row again, breaks it and says so in its log
    withJournalLock(lock -> assertThat(lock.tryAcquire(dead, Optional.empty())).isTrue());
    Run next = site.applyAndCrash(SampleEdition.V1, "after-step-end:precheck");
    assertThat(site.log(next)).contains("broke the stale journal lock")
        .contains("pid " + dead.pid() + " on " + dead.host()).contains("no longer running");
    assertThat(site.recover().state()).isEqualTo(RunState.PRECHECK_FAILED);
  }

  @Test
  void aLiveHolderInThisJvmIsObeyedWithAClearRefusal() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch letGo = new CountDownLatch(1);
    FaultPoints pauseInPrecheck = point -> {
      if (point.equals("after-step-start:precheck")) {
        holding.countDown();
        await(letGo);
      } else if (point.equals("after-step-end:precheck")) {
        throw new Crash(point);
      }
    };
    CompletableFuture<Throwable> first = CompletableFuture.supplyAsync(() -> {
      try (ThingyanSystem system = site.system(pauseInPrecheck)) {
        system.applyUpdate().apply(Site.request());
        return null;
      } catch (Throwable t) {
        return t;
      }
    });
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!holding.await(100, TimeUnit.MILLISECONDS) && !first.isDone() && System.nanoTime() < deadline) {
        // the first run is on its way to the precheck
      }
      assertThat(holding.getCount()).as("the first run holds the locks (it ended with: %s)",
          first.getNow(null)).isZero();
      try (ThingyanSystem second = site.system(FaultPoints.NONE)) {
        assertThatThrownBy(() -> second.applyUpdate().apply(Site.request()))
            .isInstanceOf(RunRefusedException.class)
            .hasMessageContaining("another thingyan process is working")
            .hasMessageContaining("pid " + ProcessHandle.current().pid())
            .hasMessageContaining("journal lock")
            .hasMessageContaining("thingyan status");
        Optional<Run> untouched = second.recoverRuns().recover();
        assertThat(untouched).as("recovery leaves a live holder's run alone")
            .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(RunState.CHECKING));
        assertThat(second.queryRuns().status().active())
            .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(RunState.CHECKING));
      }
    } finally {
      letGo.countDown();
    }
    assertThat(first.get(2, TimeUnit.MINUTES)).isInstanceOf(Crash.class);
    assertThat(site.recover().state()).isEqualTo(RunState.PRECHECK_FAILED);
  }

  /** A holder on this host, since this boot, whose pid runs no process. */
  private static LockHolder holder(long pid) throws Exception {
    String bootId = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
    Instant now = Instant.now();
    return new LockHolder(pid, InetAddress.getLocalHost().getHostName(), bootId, now.minus(Duration.ofMinutes(5)),
        now.plus(Duration.ofHours(6)));
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long pid = p.pid();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    return pid;
  }

  private void withJournalLock(Consumer<RunLock> use) {
    String url = site.env.loadConfig().journal().url();
    try (HikariDataSource ds = DataSources.journalPool(new ConnectionSettings(url, "", ""))) {
      use.accept(JournalDatabase.open(ds).runLock());
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the test never let the first run go");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

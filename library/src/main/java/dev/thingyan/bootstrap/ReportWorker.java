package dev.thingyan.bootstrap;

import dev.thingyan.ports.in.DeliverErrorReports;
import dev.thingyan.ports.model.report.DeliveryPass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background sender for a long-running host (the PMS, the HTTP server): one daemon thread
 * that runs delivery passes, sleeps until GitHub's pause is over or a new report arrives, and
 * looks again every {@link #IDLE} for occurrence comments that became due. Several processes may
 * run one: the lease in the journal lets one of them send at a time.
 */
final class ReportWorker implements AutoCloseable {
  static final Duration IDLE = Duration.ofSeconds(30);
  private static final Duration PASS = Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger(ReportWorker.class);

  private final DeliverErrorReports delivery;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private final Thread thread;
  private boolean woken;
  private volatile boolean closed;
  /** Before each pass: reports CLI processes left in the spool enter the outbox. */
  private final Runnable drainSpool;

  ReportWorker(DeliverErrorReports delivery, Clock clock, Runnable drainSpool) {
    this.drainSpool = drainSpool;
    this.delivery = delivery;
    this.clock = clock;
    this.thread = new Thread(this::loop, "thingyan-report-worker");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** A report was accepted: send it without waiting for the idle timer. */
  void wake() {
    lock.lock();
    try {
      woken = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    while (!closed) {
      Duration wait = IDLE;
      try {
        drainSpool.run();
        DeliveryPass pass = delivery.deliver(clock.instant().plus(PASS));
        if (pass.pausedUntil().isPresent()) {
          wait = Duration.between(clock.instant(), pass.pausedUntil().get());
          LOG.info("error reports: GitHub paused until {}: {}", pass.pausedUntil().get(),
              pass.lastError().orElse("write spacing"));
        } else if (pass.writes() > 0 || pass.folded() > 0) {
          wait = Duration.ZERO;
        }
      } catch (RuntimeException e) {
        // the journal failed (a dead database): the reports are safe in it, try again later
        LOG.warn("error reports: delivery pass failed: {}", e.toString());
      }
      await(wait);
    }
  }

  private void await(Duration wait) {
    lock.lock();
    try {
      long nanos = Math.max(0, wait.toNanos());
      while (!woken && !closed && nanos > 0) {
        nanos = wake.awaitNanos(nanos);
      }
      woken = false;
    } catch (InterruptedException e) {
      closed = true;
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    closed = true;
    wake();
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

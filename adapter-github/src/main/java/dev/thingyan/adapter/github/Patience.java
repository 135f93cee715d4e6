package dev.thingyan.adapter.github;

import dev.thingyan.ports.out.ReleaseSourceException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the wait for GitHub: a request that connects and never answers would otherwise hold a
 * {@code check} for the read timeout times every retry (minutes, printing nothing). The request
 * runs on a worker thread; the caller writes a "still waiting for …" line every few seconds and
 * gives up at the configured total with a message that says so and what to do.
 */
final class Patience {
  private static final Logger LOG = LoggerFactory.getLogger(Patience.class);
  private static final Duration MAX_STEP = Duration.ofSeconds(5);

  private final Duration total;
  private final String where;
  private final Consumer<String> waiting;
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "github-request");
    t.setDaemon(true); // a request that never ends must not keep the process alive
    return t;
  });

  Patience(Duration total, String where) {
    this(total, where, LOG::warn);
  }

  /** @param waiting receives each "still waiting" line (the log; a test collects them) */
  Patience(Duration total, String where, Consumer<String> waiting) {
    this.total = total;
    this.where = where;
    this.waiting = waiting;
  }

  /**
   * @return the request's result
   * @throws ReleaseSourceException when it did not answer within the total wait
   */
  <T> T call(String what, Supplier<T> request) {
    Future<T> answer = workers.submit(request::get);
    long step = Math.max(1, Math.min(MAX_STEP.toMillis(), total.toMillis() / 3));
    long waited = 0;
    try {
      while (true) {
        try {
          return answer.get(Math.min(step, total.toMillis() - waited), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          waited += Math.min(step, total.toMillis() - waited);
          if (waited >= total.toMillis()) {
            answer.cancel(true);
            throw new ReleaseSourceException(where + " did not answer within "
                + seconds(total) + " while " + what + " (source.github.total_timeout); nothing "
                + "was changed. Check this server's network and proxy, and GitHub's status; if "
                + "the connection is only slow, raise source.github.total_timeout.");
          }
          waiting.accept("still waiting for " + where + " while " + what + ": " + seconds(
              Duration.ofMillis(waited)) + " so far, giving up after " + seconds(total));
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new ReleaseSourceException(where + " failed while " + what + ": " + e.getCause(), e);
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new ReleaseSourceException("Interrupted while " + what + " (the process is stopping).",
          e);
    }
  }

  /**
   * Says every few seconds that a body stalls: a download whose answer came but whose data stopped
   * would otherwise wait in silence until the read timeout ends the attempt. Only speaks; the read
   * timeout and the total wait still end the download.
   *
   * @param received bytes received so far; the watch is silent while it grows. It is read on the
   *     watcher's thread, which is stopped by an interrupt: it must do no channel I/O
   * @return closed when the body has been read (or failed)
   */
  AutoCloseable watch(String what, LongSupplier received) {
    long step = Math.max(1, Math.min(MAX_STEP.toMillis(), total.toMillis() / 3));
    Future<?> watcher = workers.submit(() -> {
      long last = received.getAsLong();
      long silentMillis = 0;
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(step);
          long now = received.getAsLong();
          if (now != last) {
            last = now;
            silentMillis = 0;
            continue;
          }
          silentMillis += step;
          waiting.accept("still waiting for " + where + " while " + what + ": no data for "
              + seconds(Duration.ofMillis(silentMillis)) + ", giving up after " + seconds(total));
        }
      } catch (InterruptedException done) {
        // the body was read
      }
    });
    return () -> watcher.cancel(true);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}

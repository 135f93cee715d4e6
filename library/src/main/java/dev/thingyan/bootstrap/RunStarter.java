package dev.thingyan.bootstrap;

import dev.thingyan.ports.error.ThingyanException;
import dev.thingyan.ports.in.ApplyUpdate;
import dev.thingyan.ports.in.StartUpdate;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.out.RunListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts an update on the system's own thread and answers with its run id as soon as the run's
 * first event is journaled: a refusal (another run active, updates blocked) still reaches the
 * caller as an exception, because it comes before any event.
 */
final class RunStarter implements StartUpdate, RunListener, AutoCloseable {

  private final ApplyUpdate apply;
  private final ThreadLocal<CompletableFuture<RunId>> starting = new ThreadLocal<>();
  private final AtomicInteger threads = new AtomicInteger();
  // a thread per run in progress (normally one; a second is refused by the run lock at once)
  private final ExecutorService runs = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "thingyan-run-" + threads.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  /** @param apply the guarded port: the run counts as a call in progress when the system closes */
  RunStarter(ApplyUpdate apply) {
    this.apply = apply;
  }

  @Override
  public RunId start(UpdateRequest request) {
    CompletableFuture<RunId> started = new CompletableFuture<>();
    runs.execute(() -> {
      starting.set(started);
      try {
        apply.apply(request);
      } catch (RuntimeException | Error e) {
        started.completeExceptionally(e);
      } finally {
        starting.remove();
      }
    });
    try {
      return started.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ThingyanException t) {
        throw t;
      }
      throw new ThingyanException(ThingyanException.INTERNAL, String.valueOf(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ThingyanException(ThingyanException.INTERNAL,
          "interrupted while the update was starting; it may still start: see the run history", e);
    }
  }

  @Override
  public void onEvent(RunEvent event) {
    CompletableFuture<RunId> f = starting.get();
    if (f != null) {
      f.complete(event.runId());
    }
  }

  /** Stops taking runs; the ones going on stop at a step boundary (the system's close). */
  @Override
  public void close() {
    runs.shutdown();
  }

  boolean awaitTermination(long millis) throws InterruptedException {
    return runs.awaitTermination(millis, TimeUnit.MILLISECONDS);
  }
}

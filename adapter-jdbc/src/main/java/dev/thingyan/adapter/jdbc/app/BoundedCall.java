package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.model.ProbeResult;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a probe's query with a hard deadline. A query timeout alone does not bound the connect of a
 * driver to a host that drops packets; a probe must answer in time whatever the driver does.
 */
final class BoundedCall {

  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "thingyan-db-probe");
            t.setDaemon(true);
            return t;
          });

  private BoundedCall() {}

  static ProbeResult run(String name, Duration timeout, Callable<ProbeResult> body) {
    Future<ProbeResult> future = POOL.submit(body);
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return ProbeResult.failed(
          name
              + ": no answer within "
              + timeout.toMillis()
              + " ms; check that the database is running and reachable");
    } catch (ExecutionException e) {
      return ProbeResult.failed(name + ": " + describe(e.getCause()));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return ProbeResult.failed(name + ": interrupted before the database answered");
    }
  }

  /**
   * @return what failed, with any URL-embedded password masked.
   */
  static String describe(Throwable e) {
    String text;
    if (e instanceof SQLException sql) {
      text = "query failed (SQLState " + sql.getSQLState() + "): " + sql.getMessage();
    } else {
      text = "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    return ConnectionSettings.redact(text);
  }

  /**
   * @return whole seconds for {@code Statement.setQueryTimeout}, at least 1 (0 means none).
   */
  static int querySeconds(Duration timeout) {
    return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
  }
}

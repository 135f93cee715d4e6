package dev.thingyan.adapter.jdbc.journal;

import com.zaxxer.hikari.HikariDataSource;
import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.ports.out.ReportOutbox;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Jdbi;

/** Two outboxes on pools of their own, as two processes would have, for racing them. */
final class TwoProcesses implements AutoCloseable {

  private final List<HikariDataSource> pools;
  private final List<ReportOutbox> outboxes;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  TwoProcesses(ConnectionSettings settings) {
    pools = List.of(DataSources.pool(settings, "racer-0", 2),
        DataSources.pool(settings, "racer-1", 2));
    outboxes = pools.stream().map(p -> (ReportOutbox) new JdbiReportOutbox(Jdbi.create(p)))
        .toList();
  }

  /**
   * Starts {@code call} in both at the same moment.
   *
   * @return what each returned, racer 0 first
   */
  <T> List<T> race(BiFunction<ReportOutbox, Integer, T> call) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    List<Callable<T>> racers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ReportOutbox outbox = outboxes.get(i);
      int racer = i;
      racers.add(() -> {
        start.await();
        return call.apply(outbox, racer);
      });
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : threads.invokeAll(racers)) {
      results.add(f.get());
    }
    return results;
  }

  @Override
  public void close() {
    threads.shutdownNow();
    pools.forEach(HikariDataSource::close);
  }
}

package dev.thingyan.adapter.jdbc.journal;

import com.zaxxer.hikari.HikariDataSource;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.adapter.jdbc.TestDatabase;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.out.ReportOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures {@link ReportOutbox#enqueue} alone (serialisation, insert, commit) for a typical ~3 KB
 * report: reports per second and latency percentiles with 1 and with 4 threads, each in a fresh
 * database through the journal's pool. By default on the embedded H2 journal file, as the
 * standalone server uses it. A main program, not a test: timings on a shared machine would make
 * flaky assertions.
 *
 * <pre>
 * java -cp TEST_CLASSPATH dev.thingyan.adapter.jdbc.journal.OutboxEnqueueBench \
 *     [reports=20000] [rounds=1] [h2|postgresql|mariadb]
 * </pre>
 */
public final class OutboxEnqueueBench {

  private OutboxEnqueueBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("h2.bindAddress", "127.0.0.1");
    int reports = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    String engine = args.length > 2 ? args[2] : "h2";
    ErrorReport report = OutboxReports.typical();
    System.out.printf("report JSON: %d characters%n", ReportJson.write(report).length());
    for (int round = 0; round < rounds; round++) {
      for (int threads : new int[] {1, 4}) {
        try (TestDatabase db = database(engine);
            HikariDataSource pool = DataSources.journalPool(db.settings())) {
          ReportOutbox outbox = JournalDatabase.open(pool).reportOutbox();
          run(outbox, report, threads, reports / 4); // warm-up: JIT, H2 caches
          long[] measured = run(outbox, report, threads, reports);
          System.out.println(engine + " " + summary(threads, measured));
        }
      }
    }
  }

  private static TestDatabase database(String engine) {
    return switch (engine) {
      case "postgresql" -> TestDatabase.postgres();
      case "mariadb" -> TestDatabase.mariadb();
      default -> TestDatabase.h2File();
    };
  }

  /** @return each call's latency in nanoseconds, and the wall time as the last element. */
  private static long[] run(ReportOutbox outbox, ErrorReport report, int threads, int total)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      int each = total / threads;
      long start = System.nanoTime();
      List<Future<long[]>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        parts.add(pool.submit(() -> {
          long[] own = new long[each];
          for (int i = 0; i < each; i++) {
            long t0 = System.nanoTime();
            outbox.enqueue(OutboxReports.FP_A, report, Instant.now());
            own[i] = System.nanoTime() - t0;
          }
          return own;
        }));
      }
      long[] all = new long[each * threads + 1];
      int at = 0;
      for (Future<long[]> f : parts) {
        long[] own = f.get();
        System.arraycopy(own, 0, all, at, own.length);
        at += own.length;
      }
      all[at] = System.nanoTime() - start;
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String summary(int threads, long[] measured) {
    long wall = measured[measured.length - 1];
    long[] lat = Arrays.copyOf(measured, measured.length - 1);
    Arrays.sort(lat);
    return String.format(
        "threads=%d reports=%d  %.0f reports/s  p50=%.2f ms  p99=%.2f ms  max=%.2f ms",
        threads, lat.length, lat.length / (wall / 1e9), pct(lat, 0.50), pct(lat, 0.99),
        lat[lat.length - 1] / 1e6);
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}

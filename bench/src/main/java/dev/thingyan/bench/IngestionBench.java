package dev.thingyan.bench;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.adapter.jdbc.journal.JournalDatabase;
import dev.thingyan.domain.report.ErrorReports;
import dev.thingyan.domain.report.ReportSettings;
import dev.thingyan.domain.report.Sleeper;
import dev.thingyan.ports.model.Actor;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingestion of error reports as the HTTP endpoint will drive it: validate + redact + fingerprint +
 * durable enqueue into the embedded H2 journal (a file database, as in production), from several
 * threads at once, each report's latency taken. Side by side, the reference: the same number of
 * plain INSERT + COMMIT of a same-sized payload into another H2 file database, which is the floor
 * any durable outbox on this journal pays.
 *
 * <p>Usage: {@code IngestionBench REPORTS THREADS DIR}. The reports cycle through
 * {@link RedactionSamples} with 10 exception types (10 fingerprints) and unique trace ids.
 */
public final class IngestionBench {
  private IngestionBench() {}

  public static void main(String[] args) throws Exception {
    int reports = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("ingest");
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    List<Map<String, Object>> samples = samples();
    phases(samples);
    List<Result> ours = new ArrayList<>();
    List<Result> refs = new ArrayList<>();
    System.out.printf("ingestion: %d reports per run, %d threads, %d runs (ours and the reference"
        + " alternate)%n", reports, threads, runs);
    for (int run = 0; run < runs; run++) {
      ours.add(ours(dir.resolve("ours-" + run), samples, reports, threads));
      refs.add(reference(dir.resolve("reference-" + run), samples, reports, threads));
      System.out.println("  run " + (run + 1) + ": ours " + ours.get(run) + " | reference "
          + refs.get(run));
    }
    Result our = median(ours);
    Result ref = median(refs);
    System.out.println("median ours      " + our);
    System.out.println("median reference " + ref + "  (plain INSERT+COMMIT of the JSON payload)");
    System.out.printf("ratio, reference rate / our rate: %.2f%n", ref.perSecond() / our.perSecond());
    Delivery.toFakeGitHub(dir.resolve("delivery"), 10_000, i -> report(samples, i));
  }

  private static Result median(List<Result> results) {
    List<Result> sorted = new ArrayList<>(results);
    sorted.sort(java.util.Comparator.comparingDouble(Result::perSecond));
    return sorted.get(sorted.size() / 2);
  }

  /** One thread, the pure steps without the journal: where the time of one report goes. */
  private static void phases(List<Map<String, Object>> samples) {
    var validator = new dev.thingyan.domain.report.ReportValidator(Clock.systemUTC());
    var redactor = new dev.thingyan.domain.report.Redactor();
    var fingerprinter = new dev.thingyan.domain.report.Fingerprinter(
        dev.thingyan.domain.report.InAppRules.DEFAULT);
    int n = 4_000;
    for (int round = 0; round < 2; round++) {
      long v = 0;
      long r = 0;
      long f = 0;
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        var report = validator.validate(report(samples, i));
        long t1 = System.nanoTime();
        var red = redactor.redact(report);
        long t2 = System.nanoTime();
        fingerprinter.fingerprint(red);
        long t3 = System.nanoTime();
        v += t1 - t0;
        r += t2 - t1;
        f += t3 - t2;
      }
      if (round == 1) {
        System.out.printf("per report, one thread: validate %.3f ms, redact %.3f ms,"
            + " fingerprint %.3f ms%n", v / 1e6 / n, r / 1e6 / n, f / 1e6 / n);
      }
    }
  }

  private static List<Map<String, Object>> samples() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (RedactionSamples s : RedactionSamples.values()) {
      out.add(s.fields());
    }
    return out;
  }

  private static Result ours(Path dir, List<Map<String, Object>> samples, int n, int threads)
      throws Exception {
    try (HikariDataSource ds = DataSources.journalPool(
        new ConnectionSettings(DataSources.h2FileUrl(dir), "", ""))) {
      JournalDatabase journal = JournalDatabase.open(ds, Clock.systemUTC());
      ErrorReports reports = new ErrorReports(journal.reportOutbox(), Optional.empty(),
          journal.auditTrail(), ReportSettings.defaults(List.of("thingyan"), "bench"),
          Clock.systemUTC(), Sleeper.of(Clock.systemUTC()));
      Actor actor = new Actor("bench");
      Work work = i -> reports.submit(actor, report(samples, i));
      run(work, 5_000, threads);
      return run(work, n, threads);
    }
  }

  private static Result reference(Path dir, List<Map<String, Object>> samples, int n, int threads)
      throws Exception {
    int payload = samples.stream().mapToInt(m -> m.toString().length()).sum() / samples.size();
    String text = "x".repeat(payload);
    try (HikariDataSource ds = DataSources.journalPool(
        new ConnectionSettings(DataSources.h2FileUrl(dir), "", ""))) {
      try (Connection c = ds.getConnection()) {
        c.createStatement().execute("CREATE TABLE t (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
            + " fp CHAR(64), payload CLOB)");
      }
      Work work = i -> {
        try (Connection c = ds.getConnection();
            PreparedStatement ps = c.prepareStatement("INSERT INTO t (fp, payload) VALUES (?, ?)")) {
          c.setAutoCommit(false);
          ps.setString(1, "%064d".formatted(i % 10));
          ps.setString(2, text);
          ps.executeUpdate();
          c.commit();
        }
      };
      run(work, 5_000, threads);
      return run(work, n, threads);
    }
  }

  /** Report {@code i}: one of 10 errors (a sample and an exception type), a trace id of its own. */
  static Map<String, Object> report(List<Map<String, Object>> samples, int i) {
    int error = i % 10;
    Map<String, Object> m = new HashMap<>(samples.get(error % samples.size()));
    m.put("exception_type", "App\\Exceptions\\Bench" + error + "Exception");
    m.put("trace_id", "trace-" + i);
    return m;
  }

  @FunctionalInterface
  interface Work {
    void run(int i) throws Exception;
  }

  record Result(int n, double seconds, long p50Nanos, long p99Nanos, long maxNanos) {
    double perSecond() {
      return n / seconds;
    }

    @Override
    public String toString() {
      return String.format("%8.0f reports/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms",
          perSecond(), p50Nanos / 1e6, p99Nanos / 1e6, maxNanos / 1e6);
    }
  }

  private static Result run(Work work, int n, int threads) throws Exception {
    long[] latencies = new long[n];
    AtomicLong next = new AtomicLong();
    CountDownLatch done = new CountDownLatch(threads);
    List<Throwable> failures = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      new Thread(() -> {
        try {
          for (int i = (int) next.getAndIncrement(); i < n; i = (int) next.getAndIncrement()) {
            long t0 = System.nanoTime();
            work.run(i);
            latencies[i] = System.nanoTime() - t0;
          }
        } catch (Throwable e) {
          synchronized (failures) {
            failures.add(e);
          }
        } finally {
          done.countDown();
        }
      }).start();
    }
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!failures.isEmpty()) {
      throw new IllegalStateException("a submit failed", failures.get(0));
    }
    Arrays.sort(latencies);
    return new Result(n, seconds, latencies[n / 2], latencies[(int) (n * 0.99)], latencies[n - 1]);
  }
}

package dev.thingyan.bootstrap.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.Standalone;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.adapter.jdbc.journal.ReportSpool;
import dev.thingyan.bootstrap.config.ConfigLoader;
import dev.thingyan.domain.report.Redactor;
import dev.thingyan.domain.report.ReportValidator;
import dev.thingyan.ports.model.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library API from many threads at once (issue 13): 16 threads, 2,000 reports, none lost. */
public class ReportThreadsTest {
  @TempDir Path dir;

  @Test
  void aRunningSystemDrainsWhatCliProcessesSpooled() throws Exception {
    Path config = config();
    ReportSpool spool = new ReportSpool(ReportSpool.folderFor(dir.resolve("app")));
    try (ThingyanSystem system = Standalone.open(ConfigLoader.load(config))) {
      spool.put(new Redactor().redact(new ReportValidator(Clock.systemUTC()).validate(Map.of(
          "title", "Spooled", "severity", "error", "source", "backend",
          "environment", "production"))));
      system.startReportWorker();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (system.queryErrorReports().stats().pending() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(system.queryErrorReports().stats().pending()).isEqualTo(1);
      assertThat(spool.size()).isZero();
    }
  }

  @Test
  void sixteenThreadsSubmittingTwoThousandReportsLoseNone() throws Exception {
    Path config = config();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (ThingyanSystem system = Standalone.open(ConfigLoader.load(config))) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 125; i++) {
            system.submitErrorReport().submit(Actor.SYSTEM, Map.of("title",
                "Folio " + thread + "-" + i, "severity", "error", "source", "backend",
                "environment", "production", "message", "phone 09 791 234 567"));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(); // rethrows any failure
      }
      assertThat(system.queryErrorReports().stats().pending()).isEqualTo(2000);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The smallest configuration: an embedded journal under the app root, no GitHub. */
  public static Path config(Path dir) throws java.io.IOException {
    Files.createDirectories(dir.resolve("app"));
    Files.createDirectories(dir.resolve("releases"));
    return Files.writeString(dir.resolve("thingyan.yaml"), """
        app: {root: %s}
        source: {type: folder, folder: {path: %s}}
        verify: {allow_unsigned: true}
        health: {checks: [{type: database}]}
        database: {engine: sqlite, path: %s}
        """.formatted(dir.resolve("app"), dir.resolve("releases"), dir.resolve("db.sqlite")));
  }

  private Path config() throws java.io.IOException {
    return config(dir);
  }
}

package dev.thingyan.bootstrap.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.Standalone;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.ConfigLoader;
import dev.thingyan.ports.model.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library API from many threads at once (issue 13): 16 threads, 2,000 reports, none lost. */
class ReportThreadsTest {
  @TempDir Path dir;

  @Test
  void sixteenThreadsSubmittingTwoThousandReportsLoseNone() throws Exception {
    Files.createDirectories(dir.resolve("app"));
    Files.createDirectories(dir.resolve("releases"));
    Path config = Files.writeString(dir.resolve("thingyan.yaml"), """
        app: {root: %s}
        source: {type: folder, folder: {path: %s}}
        verify: {allow_unsigned: true}
        health: {checks: [{type: database}]}
        database: {engine: sqlite, path: %s}
        """.formatted(dir.resolve("app"), dir.resolve("releases"), dir.resolve("db.sqlite")));
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
}

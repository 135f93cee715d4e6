package dev.thingyan.adapter.jdbc.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.adapter.jdbc.TestDatabase;
import dev.thingyan.ports.model.report.QueuedReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** On the embedded H2 journal a report is durable once enqueue returns, whatever kills the JVM. */
class H2OutboxKillTest {

  @Test
  void everyEnqueuedReportSurvivesAProcessKilledRightAfterTheLastEnqueue() throws Exception {
    try (TestDatabase db = TestDatabase.h2File()) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child = new ProcessBuilder(java, "-Dh2.bindAddress=127.0.0.1",
              "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
              System.getProperty("java.class.path"), H2EnqueueThenHalt.class.getName(),
              db.settings().jdbcUrl(), "500")
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      if (!child.waitFor(60, TimeUnit.SECONDS)) {
        child.destroyForcibly();
        throw new AssertionError("the child process did not finish within 60 s");
      }
      List<String> out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          .lines().filter(l -> l.startsWith("last=")).toList();
      assertThat(out).hasSize(1);
      long last = Long.parseLong(out.get(0).substring("last=".length()));

      try (HikariDataSource ds = DataSources.journalPool(db.settings())) {
        List<QueuedReport> pending = JournalDatabase.open(ds).reportOutbox().pending(1000);
        assertThat(pending).hasSize(500);
        assertThat(pending.get(499).id()).isEqualTo(last);
        assertThat(pending.get(499).report()).isEqualTo(OutboxReports.typical());
      }
    }
  }
}

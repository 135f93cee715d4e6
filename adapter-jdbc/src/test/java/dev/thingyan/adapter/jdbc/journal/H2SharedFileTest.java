package dev.thingyan.adapter.jdbc.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.adapter.jdbc.TestDatabase;
import dev.thingyan.ports.model.AuditEvent;
import dev.thingyan.ports.model.LockHolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two processes share the embedded H2 journal file through {@code AUTO_SERVER}. */
class H2SharedFileTest {

  @Test
  void aSecondProcessSeesTheLockHolderCannotTakeTheLockAndWritesThroughTheFirst() throws Exception {
    try (TestDatabase db = TestDatabase.h2File();
        HikariDataSource ds = DataSources.journalPool(db.settings())) {
      JournalDatabase journal = JournalDatabase.open(ds);
      Instant now = Instant.now();
      LockHolder server = new LockHolder(4242, "pms-1", "boot", now, now.plusSeconds(600));
      assertThat(journal.runLock().tryAcquire(server, Optional.empty())).isTrue();

      List<String> output = runSecondProcess(db.settings().jdbcUrl());

      assertThat(output).containsExactly("holder=4242", "acquired=false", "done");
      assertThat(journal.auditTrail().recent(1))
          .extracting(AuditEvent::action)
          .containsExactly("test.second_process");
      assertThat(journal.auditTrail().verifyChain()).isTrue();
    }
  }

  private static List<String> runSecondProcess(String url) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-Dh2.bindAddress=127.0.0.1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                System.getProperty("java.class.path"),
                H2SecondProcess.class.getName(),
                url)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!child.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)) {
      child.destroyForcibly();
      throw new AssertionError("the second process did not finish within 60 s");
    }
    assertThat(child.exitValue()).isZero();
    return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.matches("(holder|acquired|done).*"))
        .toList();
  }
}

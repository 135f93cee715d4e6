package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The database read health check against the real servers on loopback. */
class JdbcReadProbeTest {

  private static final ConnectionSettings POSTGRES =
      new ConnectionSettings("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");

  @Test
  void aReachableDatabaseAnswers() {
    JdbcReadProbe probe = new JdbcReadProbe(DataSources.unpooled(POSTGRES));
    ProbeResult result = probe.probe(ProbeContext.ANY);
    assertThat(probe.name()).isEqualTo("database read");
    assertThat(result.ok()).as(result.detail()).isTrue();
    assertThat(result.detail()).startsWith("database read: answered in");
  }

  @Test
  void aRefusedLoginFailsWithTheReasonButNeverThePassword() {
    String password = "S3cret-pms-Pw";
    ConnectionSettings wrong =
        new ConnectionSettings(
            "jdbc:mariadb://127.0.0.1:3306/?password=" + password, "root", password);
    ProbeResult result = new JdbcReadProbe(DataSources.unpooled(wrong)).probe(ProbeContext.ANY);
    assertThat(result.ok()).isFalse();
    assertThat(result.detail())
        .startsWith("database read: ")
        .contains("Access denied")
        .doesNotContain(password);
    assertThat(wrong.toString()).doesNotContain(password);
  }

  @Test
  void aMissingDatabaseOrAClosedPortFails() {
    ProbeResult missing =
        new JdbcReadProbe(
                DataSources.unpooled(
                    new ConnectionSettings(
                        "jdbc:postgresql://127.0.0.1:5432/thingyan_no_such_db", "postgres", "")))
            .probe(ProbeContext.ANY);
    assertThat(missing.ok()).isFalse();
    assertThat(missing.detail()).contains("thingyan_no_such_db");

    ProbeResult closed =
        new JdbcReadProbe(
                DataSources.unpooled(
                    new ConnectionSettings("jdbc:postgresql://127.0.0.1:1/pms", "postgres", "")))
            .probe(ProbeContext.ANY);
    assertThat(closed.ok()).isFalse();
    assertThat(closed.detail()).contains("08001");
  }

  @Test
  void aQueryThatHangsFailsAtTheDeadline() {
    JdbcReadProbe slow =
        new JdbcReadProbe(
            "slow read",
            DataSources.unpooled(POSTGRES),
            "SELECT pg_sleep(10)",
            Duration.ofMillis(1500));
    long start = System.nanoTime();
    ProbeResult result = slow.probe(ProbeContext.ANY);
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(result.ok()).isFalse();
    assertThat(result.detail()).startsWith("slow read: ");
    assertThat(tookMs).isBetween(1000L, 4000L);
  }
}

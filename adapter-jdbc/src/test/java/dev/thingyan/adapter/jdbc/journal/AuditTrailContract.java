package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalFixture.millis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.AuditEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The audit trail: append-only, newest first, a hash chain that shows tampering. */
interface AuditTrailContract extends JournalFixture {

  private AuditEvent event(String action, Map<String, String> attributes) {
    return new AuditEvent(
        action, new Actor("user:42"), clock().advance(Duration.ofSeconds(1)), attributes);
  }

  @Test
  default void recentIsNewestFirstWithAttributesIntact() {
    JdbiAuditTrail audit = journal().auditTrail();
    assertThat(audit.verifyChain()).isTrue();
    AuditEvent started = event("system.update.started", Map.of("run_id", "r1", "to", "1.5.0"));
    AuditEvent odd =
        event(
            "system.update.resolved",
            Map.of(
                "reason",
                "quote \" backslash \\ newline \n tab \t ctrl \u0001 မြန်မာ 🚨",
                "",
                "empty key"));
    AuditEvent none = event("system.backup.created", Map.of());
    audit.record(started);
    audit.record(odd);
    audit.record(none);

    assertThat(audit.recent(2))
        .containsExactly(
            new AuditEvent(none.action(), none.actor(), millis(none.at()), none.attributes()),
            new AuditEvent(odd.action(), odd.actor(), millis(odd.at()), odd.attributes()));
    assertThat(audit.recent(10))
        .hasSize(3)
        .last()
        .isEqualTo(
            new AuditEvent(
                started.action(), started.actor(), millis(started.at()), started.attributes()));
    assertThat(audit.verifyChain()).isTrue();
  }

  @Test
  default void aRowChangedBehindTheTrailsBackBreaksTheChain() throws Exception {
    JdbiAuditTrail audit = journal().auditTrail();
    for (int i = 0; i < 4; i++) {
      audit.record(event("system.update.started", Map.of("run_id", "r" + i)));
    }
    assertThat(audit.verifyChain()).isTrue();

    int changed =
        executeRaw(
            "UPDATE thingyan_audit SET attributes = '{\"run_id\":\"forged\"}'"
                + " WHERE seq = (SELECT m FROM (SELECT MIN(seq) + 1 AS m FROM thingyan_audit) t)");
    assertThat(changed).isEqualTo(1);
    assertThat(audit.verifyChain()).isFalse();
  }

  @Test
  default void aRowRemovedFromTheMiddleBreaksTheChain() throws Exception {
    JdbiAuditTrail audit = journal().auditTrail();
    for (int i = 0; i < 3; i++) {
      audit.record(event("system.backup.created", Map.of("backup_id", "bk" + i)));
    }
    executeRaw(
        "DELETE FROM thingyan_audit WHERE seq = (SELECT m FROM (SELECT MIN(seq) + 1 AS m"
            + " FROM thingyan_audit) t)");
    assertThat(audit.verifyChain()).isFalse();
  }

  @Test
  default void concurrentWritersExtendOneUnbrokenChain() throws Exception {
    JdbiAuditTrail audit = journal().auditTrail();
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      List<Callable<Void>> writers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        String writer = "w" + w;
        writers.add(
            () -> {
              for (int i = 0; i < 8; i++) {
                audit.record(event("system.report.sent", Map.of("writer", writer, "i", "" + i)));
              }
              return null;
            });
      }
      for (Future<Void> f : threads.invokeAll(writers)) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(audit.recent(100)).hasSize(24);
    assertThat(audit.verifyChain()).isTrue();
  }
}

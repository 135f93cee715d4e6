package dev.thingyan.bootstrap;

import dev.thingyan.ports.model.AuditEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.out.AuditTrail;
import dev.thingyan.ports.out.RunJournal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spec's metrics events ({@code metrics.system.update.started} …) as SLF4J log events, each
 * written when its audit event is recorded: the domain audits each moment once and only when it
 * happened (a backup completed when it completed, a rollback completed only after one that
 * undid something), so the metrics are exactly as many and as true. Derived from run states they
 * were neither (one "completed" per later event of an ended run, a "rollback" for every failure).
 * Each line carries the run id and the time since the run started.
 */
final class AuditMetrics implements AuditTrail {
  /** The spec's metrics, named after the audit event that marks each. */
  static final Set<String> METRICS = Set.of("system.update.started", "system.update.completed",
      "system.update.failed", "system.backup.completed", "system.rollback.completed");
  private static final Logger LOG = LoggerFactory.getLogger("thingyan.metrics");

  private final AuditTrail trail;
  private final RunJournal journal;
  private final Consumer<String> out;

  AuditMetrics(AuditTrail trail, RunJournal journal) {
    this(trail, journal, LOG::info);
  }

  AuditMetrics(AuditTrail trail, RunJournal journal, Consumer<String> out) {
    this.trail = Objects.requireNonNull(trail, "trail");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public void record(AuditEvent event) {
    trail.record(event);
    if (!METRICS.contains(event.action())) {
      return;
    }
    String runId = event.attributes().get("run_id");
    StringBuilder line = new StringBuilder("metrics.").append(event.action());
    if (runId == null) {
      line.append(" kind=").append(event.attributes().getOrDefault("kind", "manual"));
    } else {
      line.append(" run_id=").append(runId);
      journal.find(new RunId(runId)).ifPresent(run -> line.append(" duration_ms=")
          .append(Math.max(0, Duration.between(run.startedAt(), event.at()).toMillis())));
    }
    out.accept(line.toString());
  }

  @Override
  public List<AuditEvent> recent(int limit) {
    return trail.recent(limit);
  }
}

package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.demo.SampleEdition;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec's metrics events, counted in what the real CLI logs: each once per run, at its
 * moment, and true to what happened. A completed update; one rolled back after its health
 * check failed; one that failed before it changed anything (no rollback to report).
 */
class MetricsCountTest {
  private static final Pattern METRIC =
      Pattern.compile("(metrics\\.system\\.[a-z_.]+) run_id=(\\S+) duration_ms=(\\d+)");

  @TempDir Path dir;

  @Test
  void eachMetricOncePerRunAndTrueForACompletedARolledBackAndAnUntouchedFailedUpdate() {
    try (Sandbox sandbox = new Sandbox(dir)) {
      sandbox.env.publish(SampleEdition.V1);
      CliProcess.Result completed = sandbox.cli("metrics-completed", "apply", "1.0.0");
      assertThat(completed.exitCode()).as(completed::toString).isZero();
      assertThat(metrics(completed)).isEqualTo(Map.of("metrics.system.update.started", 1,
          "metrics.system.backup.completed", 1, "metrics.system.update.completed", 1));

      sandbox.env.server().publish(sandbox.releases.of(SampleEdition.V1, "1.0.1")
          .brokenHealth("e2e: metrics").build());
      CliProcess.Result rolledBack = sandbox.cli("metrics-rolled-back", "apply", "1.0.1");
      assertThat(rolledBack.exitCode()).as(rolledBack::toString).isNotZero();
      assertThat(metrics(rolledBack)).isEqualTo(Map.of("metrics.system.update.started", 1,
          "metrics.system.backup.completed", 1, "metrics.system.rollback.completed", 1,
          "metrics.system.update.failed", 1));
      assertThat(rolledBack.stdout()).contains("rolled back to 1.0.0");

      // refused at extraction, after the backup: nothing changed, so nothing was rolled back
      sandbox.env.server().publish(sandbox.releases.of(SampleEdition.V1, "1.0.2")
          .rawEntry("app-1.0.2/../../evil.sh", "#!/bin/sh\n").build());
      CliProcess.Result failed = sandbox.cli("metrics-failed", "apply", "1.0.2");
      assertThat(failed.exitCode()).as(failed::toString).isNotZero();
      assertThat(metrics(failed)).isEqualTo(Map.of("metrics.system.update.started", 1,
          "metrics.system.backup.completed", 1, "metrics.system.update.failed", 1));
      assertThat(failed.stdout()).doesNotContain("rolled back").contains("1.0.0 is still serving");
      assertThat(sandbox.audit()).extracting(e -> e.action())
          .filteredOn(a -> a.startsWith("system.rollback")).hasSize(2); // the 1.0.1 run's only
    }
  }

  /** @return how often each metric was logged; every line names this run and a duration. */
  private static Map<String, Integer> metrics(CliProcess.Result r) {
    Map<String, Integer> counts = new TreeMap<>();
    String runId = null;
    Matcher m = METRIC.matcher(r.stderr());
    while (m.find()) {
      counts.merge(m.group(1), 1, Integer::sum);
      assertThat(runId == null || runId.equals(m.group(2))).as("one run per CLI call").isTrue();
      runId = m.group(2);
    }
    assertThat(r.stderr().split("metrics\\.system\\.", -1).length - 1)
        .as("every metrics line carries the run id and a duration").isEqualTo(
            counts.values().stream().mapToInt(Integer::intValue).sum());
    return counts;
  }
}

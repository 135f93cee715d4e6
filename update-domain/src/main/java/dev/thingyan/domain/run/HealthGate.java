package dev.thingyan.domain.run;

import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Asks every health probe, retrying as configured, until all pass or the attempts run out. */
final class HealthGate {

  private final List<Probe> probes;
  private final UpdateSettings.HealthPolicy policy;

  HealthGate(List<Probe> probes, UpdateSettings.HealthPolicy policy) {
    this.probes = probes;
    this.policy = policy;
  }

  /** @throws StepFailedException with every failing probe's reason after the last attempt */
  String check(RunRecorder rec, String step, Optional<Version> expected) {
    if (probes.isEmpty()) {
      rec.log(LogLevel.WARN, step, "no health check is configured: nothing proves the release works");
      return "no health check configured";
    }
    ProbeContext ctx = new ProbeContext(expected);
    List<String> failures = List.of();
    for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
      failures = new ArrayList<>();
      for (Probe p : probes) {
        ProbeResult r = p.probe(ctx);
        if (!r.ok()) failures.add(p.name() + ": " + r.detail());
      }
      if (failures.isEmpty()) {
        return "all " + probes.size() + " health checks passed (attempt " + attempt + ")";
      }
      rec.log(LogLevel.WARN, step, "attempt " + attempt + "/" + policy.attempts() + ": " + String.join("; ", failures));
      if (attempt < policy.attempts()) sleep();
    }
    throw new StepFailedException(step, "health check failed after " + policy.attempts()
        + " attempts: " + String.join("; ", failures));
  }

  private void sleep() {
    try {
      Thread.sleep(policy.interval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailedException("health", "interrupted while waiting for the health check");
    }
  }
}

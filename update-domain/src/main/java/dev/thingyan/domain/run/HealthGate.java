package dev.thingyan.domain.run;

import dev.thingyan.ports.model.GateBypass;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.Probe;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks every health probe until all pass or the attempts run out. Answers that say "not up yet"
 * are retried; with fail-fast on, the first answer that proves the release broken ends the wait
 * at once (a release answering 500 should not stay live for the whole retry budget). While the
 * maintenance gate is up, every probe is told its bypass, so the check sees the app behind it.
 */
final class HealthGate {

  private final List<Probe> probes;
  private final UpdateSettings.HealthPolicy policy;
  private final Supplier<Optional<GateBypass>> gate;

  /** @param gate read before each attempt: the bypass of the gate, while it is up */
  HealthGate(List<Probe> probes, UpdateSettings.HealthPolicy policy, Supplier<Optional<GateBypass>> gate) {
    this.probes = probes;
    this.policy = policy;
    this.gate = gate;
  }

  HealthGate(List<Probe> probes, UpdateSettings.HealthPolicy policy) {
    this(probes, policy, Optional::empty);
  }

  /** @throws StepFailedException with every failing probe's reason after the last attempt */
  String check(RunRecorder rec, String step, Optional<Version> expected) {
    return check(rec::log, step, expected);
  }

  /**
   * @throws StepFailedException with every failing probe's reason: after the last attempt, or
   *     at once when a probe proved the app broken and fail-fast is on
   */
  String check(HookExecutor.HookLog log, String step, Optional<Version> expected) {
    return check(log, step, expected, probes, Optional.empty());
  }

  /**
   * The preview: the checks that can be sent to another origin ({@link Probe#followsOrigin()},
   * the HTTP ones) ask {@code origin}, where the staged release is served privately, with the same
   * retries, fail-fast and gate bypass as after a swap. The others (a database read, a command)
   * check the installed system, not a release, and wait for the post-swap check.
   *
   * @return what passed, or a note that no check can reach a preview
   * @throws StepFailedException as {@link #check(HookExecutor.HookLog, String, Optional)}
   */
  String preview(HookExecutor.HookLog log, String step, Optional<Version> expected, URI origin) {
    List<Probe> reach = probes.stream().filter(Probe::followsOrigin).toList();
    if (reach.isEmpty()) {
      log.log(LogLevel.WARN, step, "no HTTP health check is configured: nothing can ask the preview,"
          + " so the release is first checked after the swap");
      return "no HTTP health check to send to the preview";
    }
    return check(log, step, expected, reach, Optional.of(origin));
  }

  private String check(HookExecutor.HookLog log, String step, Optional<Version> expected,
      List<Probe> probes, Optional<URI> origin) {
    if (probes.isEmpty()) {
      log.log(LogLevel.WARN, step, "no health check is configured: nothing proves the release works");
      return "no health check configured";
    }
    List<String> failures = List.of();
    for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
      Optional<GateBypass> bypass = gate.get();
      ProbeContext ctx = new ProbeContext(expected, bypass, origin);
      failures = new ArrayList<>();
      List<String> broken = new ArrayList<>();
      for (Probe p : probes) {
        ProbeResult r = p.probe(ctx);
        if (!r.ok()) failures.add(p.name() + ": " + r.detail());
        if (r.verdict() == ProbeResult.Verdict.BROKEN) broken.add(p.name() + ": " + r.detail());
      }
      String through = bypass.isPresent() ? " (through the maintenance gate)" : "";
      if (failures.isEmpty()) {
        return "all " + probes.size() + " health checks passed" + through + " (attempt " + attempt + ")";
      }
      if (policy.failFast() && !broken.isEmpty()) {
        throw new StepFailedException(step, "health check failed at attempt " + attempt + through
            + ": the app answered and is broken, so it was not asked again (health.fail_fast): "
            + String.join("; ", broken));
      }
      log.log(LogLevel.WARN, step, "attempt " + attempt + "/" + policy.attempts() + through + ": "
          + String.join("; ", failures));
      if (attempt < policy.attempts()) sleep(step);
    }
    throw new StepFailedException(step, "health check failed after " + policy.attempts()
        + " attempts: " + String.join("; ", failures));
  }

  private void sleep(String step) {
    try {
      Thread.sleep(policy.interval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailedException(step, "interrupted while waiting for the health check");
    }
  }
}

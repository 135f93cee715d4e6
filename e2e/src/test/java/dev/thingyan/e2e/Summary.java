package dev.thingyan.e2e;

import java.util.Map;

/** The e2e figures as a short text table (target/e2e-summary.txt; printed by bench/laravel.sh). */
final class Summary {

  private Summary() {}

  static String of(Map<String, Object> metrics) {
    StringBuilder b = new StringBuilder("Laravel e2e figures (requests under load while thingyan ran)\n");
    for (Map.Entry<String, Object> e : metrics.entrySet()) {
      if (!(e.getValue() instanceof Map<?, ?> m) || !m.containsKey("end_state")) {
        continue;
      }
      b.append('\n').append(e.getKey()).append(": ").append(m.get("end_state"));
      if (m.containsKey("run_ms")) {
        b.append(" in ").append(m.get("run_ms")).append(" ms");
      }
      b.append('\n');
      if (m.containsKey("requests")) {
        b.append("  requests ").append(m.get("requests")).append(", failed ").append(m.get("failed"))
            .append(", statuses ").append(m.get("statuses")).append(", mixed releases ").append(m.get("mixed"))
            .append('\n');
        b.append("  answered by version ").append(m.get("answered_by_version")).append('\n');
      }
      if (m.containsKey("first_failure_to_old_release_ms")) {
        Object ms = m.get("first_failure_to_old_release_ms");
        Object target = m.get("first_failure_to_old_release_target_ms");
        b.append("  first failed request -> old release answering: ").append(ms).append(" ms (target <= ")
            .append(target).append(" ms: ").append(ms instanceof Number n && target instanceof Number t
                && n.longValue() <= t.longValue() ? "met" : "missed").append(")\n");
      }
      if (m.containsKey("first_failing_probe_to_old_release_ms")) {
        b.append("  first failing health probe -> old release answering: ")
            .append(m.get("first_failing_probe_to_old_release_ms")).append(" ms\n");
      }
      if (m.containsKey("ms_by_kind")) {
        b.append("  ms by kind ").append(m.get("ms_by_kind")).append(", process ").append(m.get("process_ms"))
            .append(" (outside the steps: JVM start, journal, recovery ").append(m.get("outside_steps_ms"))
            .append(")\n");
      }
      if (m.containsKey("ms_per_step")) {
        b.append("  ms per step ").append(m.get("ms_per_step")).append('\n');
      }
    }
    Object repairs = metrics.get("repairs_before_scenarios");
    if (repairs != null) {
      b.append("\nrepairs an admin had to make before a scenario: ").append(repairs).append('\n');
    }
    return b.toString();
  }
}

package dev.thingyan.bootstrap.crash;

import java.time.Duration;
import java.util.List;

/**
 * One line of the printed crash matrix: the point, how the trial ended and how long the restarted
 * thingyan took to recover (a whole child JVM: start, journal, recovery, exit).
 */
record MatrixRow(String point, String outcome, String runEnded, Duration recovery, String nextApply, Duration trial,
    String failure) {

  static MatrixRow failed(CrashPoint point, Throwable e, Duration took) {
    String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return new MatrixRow(point.name(), "FAILED", "-", Duration.ZERO, "-", took,
        message.length() > 160 ? message.substring(0, 160) + "…" : message);
  }

  MatrixRow took(Duration value) {
    return new MatrixRow(point, outcome, runEnded, recovery, nextApply, value, failure);
  }

  static String render(List<MatrixRow> rows, Duration idleStatus) {
    StringBuilder out = new StringBuilder();
    out.append("crash matrix: V1 (1.0.0) serving, apply V2 (1.1.0) SIGKILLed at each point, then recovery\n");
    out.append(String.format("recovery = wall time of the restarted `thingyan status --json` child JVM "
        + "(a run-free one takes %.1f s)%n", idleStatus.toMillis() / 1000.0));
    out.append("lock check = how the trial showed no lock was left: the same release applied again to completed, "
        + "the next trial's apply reaching its own crash point, or (after a completed recovery) apply and rollback "
        + "both taking the locks\n");
    String format = "%-46s | %-39s | %-15s | %8s | %-25s | %5s%n";
    out.append(String.format(format, "point", "outcome", "run ended", "recovery", "lock check", "trial"));
    out.append("-".repeat(155)).append('\n');
    int failed = 0;
    for (MatrixRow r : rows) {
      out.append(String.format(format, r.point, r.outcome, r.runEnded,
          String.format("%.1f s", r.recovery.toMillis() / 1000.0), r.nextApply,
          r.trial == null ? "" : String.format("%.0f s", r.trial.toMillis() / 1000.0)));
      if (r.failure != null) {
        failed++;
        out.append("    ✗ ").append(r.failure).append('\n');
      }
    }
    out.append(rows.size()).append(" trials, ").append(rows.size() - failed).append(" passed, ")
        .append(failed).append(" failed\n");
    return out.toString();
  }
}

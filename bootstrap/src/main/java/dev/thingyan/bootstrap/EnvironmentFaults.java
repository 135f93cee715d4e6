package dev.thingyan.bootstrap;

import dev.thingyan.ports.out.FaultPoints;
import java.util.Set;

/**
 * Crash-test fault injection: when {@code THINGYAN_FAULT} names the point a run reaches (several
 * may be given, comma-separated), this process sends itself SIGKILL, the way a power cut or the
 * OOM killer would stop it: no shutdown hook, no finally block runs. Unset in production.
 */
final class EnvironmentFaults implements FaultPoints {

  static final String VARIABLE = "THINGYAN_FAULT";
  private final Set<String> points;

  private EnvironmentFaults(Set<String> points) {
    this.points = points;
  }

  /** @return the faults named in the environment, or {@link FaultPoints#NONE} when there are none. */
  static FaultPoints fromEnvironment() {
    String value = System.getenv(VARIABLE);
    if (value == null || value.isBlank()) {
      return FaultPoints.NONE;
    }
    return new EnvironmentFaults(Set.of(value.trim().split("\\s*,\\s*")));
  }

  @Override
  public void reach(String point) {
    if (!points.contains(point)) {
      return;
    }
    System.err.println("thingyan: fault point " + point + " reached: killing this process (SIGKILL)");
    System.err.flush();
    try {
      new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).inheritIO().start().waitFor();
      Thread.sleep(10_000);
    } catch (Exception e) {
      // fall through to halt: the point is to stop without any cleanup
    }
    Runtime.getRuntime().halt(137);
  }
}

package dev.thingyan.ports.in;

import java.util.Objects;

/**
 * The gate was not lowered (by {@code gate off} or {@code resolve}) because the app does not
 * answer healthy through it: lowering it would show guests a broken app. {@link #detail()} holds
 * the failing checks; an edge renders the advice in its own language from {@link #why()}.
 */
public class GateRefusedException extends RunRefusedException {
  private static final long serialVersionUID = 1L;

  /** Why the gate stayed up. */
  public enum Why {
    /** The health checks failed through the gate's bypass. */
    UNHEALTHY
  }

  private final Why why;
  private final String detail;

  public GateRefusedException(Why why, String detail) {
    super("gate_refused", "the app does not answer healthy, so the maintenance gate stays up: " + detail
        + ". Repair the app (e.g. roll back with `thingyan rollback`, or restore a backup), then"
        + " run the command again");
    this.why = Objects.requireNonNull(why, "why");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  public Why why() {
    return why;
  }

  /** @return the failing checks, as the health check reported them */
  public String detail() {
    return detail;
  }
}

package dev.thingyan.ports.error;

/**
 * The system was closed ({@code ThingyanSystem.close()}): every call afterwards is refused, and a
 * run in progress stops at its next step boundary (the next start recovers it, as after a crash).
 */
public final class SystemClosedException extends RefusedException {
  private static final long serialVersionUID = 1L;

  public static final String CLOSED = "system_closed";

  public SystemClosedException() {
    super(CLOSED, Reason.of("system.closed"),
        "thingyan was closed; build a new system to go on", null);
  }
}

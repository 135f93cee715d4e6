package dev.thingyan.ports.in;

/**
 * A run (or a resolve) was refused before it began: another run is active, updates are blocked,
 * nothing to roll back to. The message says why and what to do.
 */
public class RunRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunRefusedException(String message) {
    super(message);
  }
}

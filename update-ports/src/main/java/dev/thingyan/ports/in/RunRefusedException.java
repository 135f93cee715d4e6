package dev.thingyan.ports.in;

import dev.thingyan.ports.error.RefusedException;

/**
 * A run (or a resolve) was refused before it began: another run is active, updates are blocked,
 * nothing to roll back to. The message says why and what to do.
 */
public class RunRefusedException extends RefusedException {
  private static final long serialVersionUID = 1L;

  /** The {@link #code()} of a refused run when no more specific one applies. */
  public static final String CODE = "run_refused";

  public RunRefusedException(String message) {
    super(CODE, message, null);
  }

  /** For a subtype with its own {@link #code()}. */
  protected RunRefusedException(String code, String message) {
    super(code, message, null);
  }
}

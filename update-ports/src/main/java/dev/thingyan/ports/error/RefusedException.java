package dev.thingyan.ports.error;

/** The request was understood and refused: another run is active, updates are blocked, the system is closed. Nothing changed; the reason says what to do. */
public class RefusedException extends ThingyanException {
  private static final long serialVersionUID = 1L;

  /** The {@link #code()} of this kind when no more specific one is given. */
  public static final String CODE = "refused";

  public RefusedException(String code, Reason reason, String message, Throwable cause) {
    super(code, reason, message, cause);
  }

  /** An English message not yet given a code of its own. */
  public RefusedException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /** An English message not yet given a code of its own. */
  public RefusedException(String message) {
    super(CODE, message, null);
  }
}

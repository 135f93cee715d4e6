package dev.thingyan.ports.error;

/** An argument was malformed or missing; nothing was done. An HTTP API answers 400 with it. */
public class ValidationException extends ThingyanException {
  private static final long serialVersionUID = 1L;

  /** The {@link #code()} of this kind when no more specific one is given. */
  public static final String CODE = "invalid_argument";

  public ValidationException(String code, Reason reason, String message, Throwable cause) {
    super(code, reason, message, cause);
  }

  /** An English message not yet given a code of its own. */
  public ValidationException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /** An English message not yet given a code of its own. */
  public ValidationException(String message) {
    super(CODE, message, null);
  }
}

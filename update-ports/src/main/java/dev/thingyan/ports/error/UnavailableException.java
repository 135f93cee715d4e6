package dev.thingyan.ports.error;

/** Something thingyan depends on (its journal, a tool, a remote service) could not be reached or used; trying again later may succeed. */
public class UnavailableException extends ThingyanException {
  private static final long serialVersionUID = 1L;

  /** The {@link #code()} of this kind when no more specific one is given. */
  public static final String CODE = "unavailable";

  public UnavailableException(String code, Reason reason, String message, Throwable cause) {
    super(code, reason, message, cause);
  }

  /** An English message not yet given a code of its own. */
  public UnavailableException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /** An English message not yet given a code of its own. */
  public UnavailableException(String message) {
    super(CODE, message, null);
  }
}

package dev.thingyan.ports.error;

/** The configuration (a file, or one built in code) was refused, or needs what is not installed (a JDBC driver, the S3 client). Fix it and build again. */
public class ConfigurationException extends ThingyanException {
  private static final long serialVersionUID = 1L;

  /** The {@link #code()} of this kind when no more specific one is given. */
  public static final String CODE = "configuration";

  public ConfigurationException(String code, Reason reason, String message, Throwable cause) {
    super(code, reason, message, cause);
  }

  /** An English message not yet given a code of its own. */
  public ConfigurationException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /** An English message not yet given a code of its own. */
  public ConfigurationException(String message) {
    super(CODE, message, null);
  }
}

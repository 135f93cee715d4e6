package dev.thingyan.ports.out;

/** A release source could not answer; the message says why and what to do. */
public class ReleaseSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReleaseSourceException(String message) {
    super(message);
  }

  public ReleaseSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}

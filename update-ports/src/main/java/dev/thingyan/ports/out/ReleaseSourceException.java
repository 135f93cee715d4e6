package dev.thingyan.ports.out;

import dev.thingyan.ports.error.UnavailableException;

/** A release source could not answer; the message says why and what to do. */
public class ReleaseSourceException extends UnavailableException {
  private static final long serialVersionUID = 1L;

  /** The {@link #code()} of this failure. */
  public static final String CODE = "release_source_unavailable";

  public ReleaseSourceException(String message) {
    super(CODE, message, null);
  }

  public ReleaseSourceException(String message, Throwable cause) {
    super(CODE, message, cause);
  }
}

package dev.thingyan.ports.out;

import dev.thingyan.ports.error.RefusedException;

/** An archive was refused: it would write outside the release folder, or exceed a limit. */
public class UnsafeArchiveException extends RefusedException {
  private static final long serialVersionUID = 1L;

  /** The {@link #code()} of this failure. */
  public static final String CODE = "release_unsafe";

  public UnsafeArchiveException(String message) {
    super(CODE, message, null);
  }

  public UnsafeArchiveException(String message, Throwable cause) {
    super(CODE, message, cause);
  }
}

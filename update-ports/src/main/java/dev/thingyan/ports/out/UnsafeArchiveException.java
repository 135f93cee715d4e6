package dev.thingyan.ports.out;

/** An archive was refused: it would write outside the release folder, or exceed a limit. */
public class UnsafeArchiveException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsafeArchiveException(String message) {
    super(message);
  }

  public UnsafeArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.thingyan.ports.out;

/** A signature did not verify; the message says which check failed. */
public class SignatureInvalidException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SignatureInvalidException(String message) {
    super(message);
  }

  public SignatureInvalidException(String message, Throwable cause) {
    super(message, cause);
  }
}

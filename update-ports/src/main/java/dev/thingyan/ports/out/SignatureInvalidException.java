package dev.thingyan.ports.out;

import dev.thingyan.ports.error.RefusedException;

/** A signature did not verify; the message says which check failed. */
public class SignatureInvalidException extends RefusedException {
  private static final long serialVersionUID = 1L;

  /** The {@link #code()} of this failure. */
  public static final String CODE = "signature_invalid";

  public SignatureInvalidException(String message) {
    super(CODE, message, null);
  }

  public SignatureInvalidException(String message, Throwable cause) {
    super(CODE, message, cause);
  }
}

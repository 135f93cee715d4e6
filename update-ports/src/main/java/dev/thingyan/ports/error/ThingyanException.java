package dev.thingyan.ports.error;

import java.util.Objects;

/**
 * The one unchecked exception a driving port throws: a caller (the CLI, an HTTP API, a host's UI)
 * catches this type alone, branches on {@link #code()} (stable, for a status code or a screen),
 * and renders {@link #reason()} in the reader's language. The subtypes say what kind of failure it
 * was; nothing else (no {@code IllegalArgumentException}, no {@code NullPointerException}) leaves a
 * driving port of a built system.
 */
public class ThingyanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The code of a failure nobody expected (a bug): the message is the cause's. */
  public static final String INTERNAL = "internal_error";

  private final String code;
  private final transient Reason reason;

  /**
   * @param code stable across versions, snake case (e.g. {@code run_refused})
   * @param message the English text (logs, and the fallback while {@code reason} is legacy)
   */
  public ThingyanException(String code, Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** An English message not yet given a code of its own: its reason is {@link Reason#legacy}. */
  public ThingyanException(String code, String message, Throwable cause) {
    this(code, Reason.legacy(message), message, cause);
  }

  /** @return what kind of failure, stable across versions (an HTTP API maps it to a status) */
  public String code() {
    return code;
  }

  /** @return what happened and what to do, for a catalogue to render */
  public Reason reason() {
    return reason == null ? Reason.legacy(getMessage()) : reason;
  }
}

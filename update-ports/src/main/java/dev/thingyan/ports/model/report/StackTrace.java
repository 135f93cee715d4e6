package dev.thingyan.ports.model.report;

import java.util.List;
import java.util.Objects;

/**
 * A stack trace kept twice: the raw text as sent (for the issue body, after trimming and
 * redaction) and the frames parsed from it (for the fingerprint and the in-app/vendor split).
 *
 * @param raw the text as sent, possibly empty
 * @param frames the frames parsed from it (or sent already parsed), top of the stack first
 */
public record StackTrace(String raw, List<StackFrame> frames) {
  /** No stack trace at all (an admin form report). */
  public static final StackTrace EMPTY = new StackTrace("", List.of());

  public StackTrace {
    Objects.requireNonNull(raw, "stack_trace");
    if (raw.length() > ReportLimits.STACK_TRACE_CHARS) {
      throw new ReportValidationException("stack_trace",
          "longer than " + ReportLimits.STACK_TRACE_CHARS + " characters");
    }
    frames = List.copyOf(frames);
    if (frames.size() > ReportLimits.FRAMES) {
      throw new ReportValidationException("frames", "more than " + ReportLimits.FRAMES + " frames");
    }
  }

  /** @return true when there is neither text nor a frame. */
  public boolean isEmpty() {
    return raw.isEmpty() && frames.isEmpty();
  }
}

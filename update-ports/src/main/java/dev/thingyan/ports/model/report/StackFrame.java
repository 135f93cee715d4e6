package dev.thingyan.ports.model.report;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One frame of a Java, PHP or JavaScript stack trace.
 *
 * @param function what ran: {@code dev.thingyan.Foo.bar}, {@code App\Http\FooController->store},
 *     {@code handleClick}; empty for an anonymous JavaScript frame
 * @param file the source file or script URL as printed, if any
 * @param line the line number, if any (never part of a fingerprint)
 */
public record StackFrame(String function, Optional<String> file, OptionalInt line) {
  public StackFrame {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(line, "line");
    if (function.length() > ReportLimits.TYPE_CHARS) {
      throw new ReportValidationException("stack_trace.function", "longer than "
          + ReportLimits.TYPE_CHARS + " characters");
    }
  }

  /** @return a frame with neither file nor line. */
  public static StackFrame of(String function) {
    return new StackFrame(function, Optional.empty(), OptionalInt.empty());
  }
}

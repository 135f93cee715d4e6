package dev.thingyan.domain.report;

import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.ReportSource;
import dev.thingyan.ports.model.report.ReportValidationException;
import dev.thingyan.ports.model.report.Severity;
import dev.thingyan.ports.model.report.StackTrace;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.DateTimeException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an untrusted JSON-like map (as an HTTP adapter or the update core produces it) into an
 * {@link ErrorReport}, or throws {@link ReportValidationException} naming the first bad field.
 * Keys are the spec's snake_case ({@code app_version}); camelCase ({@code appVersion}) is read as
 * the same key. Unknown keys are refused rather than ignored, so that a sender who puts guest data
 * in a field of its own invention hears about it instead of having it silently dropped.
 */
public final class ReportValidator {
  static final Set<String> FIELDS = Set.of("title", "severity", "source", "environment",
      "app_version", "trace_id", "request_id", "user_id", "role", "steps_to_reproduce", "message",
      "exception_type", "stack_trace", "frames", "context", "occurred_at");

  private final Clock clock;
  private final TextRedactor ids = new TextRedactor();

  /** @param clock supplies {@code occurred_at} when the sender gave none */
  public ReportValidator(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** @return the report; never null. */
  public ErrorReport validate(Map<String, ?> untrusted) {
    if (untrusted == null) {
      throw new ReportValidationException("report", "required");
    }
    Input in = new Input(InputKeys.canonical(untrusted, FIELDS), "");
    return new ErrorReport(in.requiredString("title"),
        in.requiredEnum("severity", Severity.class), in.requiredEnum("source", ReportSource.class),
        in.requiredString("environment"), version(in), opaque(in, "trace_id"),
        opaque(in, "request_id"), opaque(in, "user_id"), in.optionalString("role"),
        in.optionalString("steps_to_reproduce"), in.optionalString("message").orElse(""),
        in.optionalString("exception_type"), stackTrace(in), InputKeys.context(in),
        occurredAt(in));
  }

  /**
   * An id that is a person's datum (a name, a phone, an e-mail address, a document number) is
   * replaced by {@link Redactor#REDACTED_ID}: the report is still worth keeping, the datum not.
   */
  private Optional<String> opaque(Input in, String field) {
    return in.optionalString(field).map(id -> {
      boolean idShaped = !id.isEmpty() && id.chars().allMatch(c -> c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ".:_/-$".indexOf(c) >= 0);
      return idShaped && ids.redact(id).equals(id) ? id : Redactor.REDACTED_ID;
    });
  }

  private static Optional<Version> version(Input in) {
    return in.optionalString("app_version").map(v -> {
      try {
        return Version.parse(v);
      } catch (IllegalArgumentException e) {
        throw in.problem("app_version", "expected a semantic version such as 1.4.2");
      }
    });
  }

  private static StackTrace stackTrace(Input in) {
    String raw = in.optionalString("stack_trace").orElse("");
    return new StackTrace(raw, in.raw("frames").isPresent() ? InputKeys.frames(in)
        : StackTraceParser.parse(raw));
  }

  private Instant occurredAt(Input in) {
    Optional<Object> value = in.raw("occurred_at");
    if (value.isEmpty()) {
      return clock.instant();
    }
    Object v = value.get();
    try {
      if (v instanceof Long || v instanceof Integer) {
        return Instant.ofEpochMilli(((Number) v).longValue());
      }
      if (v instanceof String s) {
        return OffsetDateTime.parse(s.strip()).toInstant();
      }
    } catch (DateTimeException e) {
      // fall through to the one message below
    }
    throw in.problem("occurred_at",
        "expected an ISO-8601 time such as 2025-04-01T10:15:30Z or epoch milliseconds");
  }
}

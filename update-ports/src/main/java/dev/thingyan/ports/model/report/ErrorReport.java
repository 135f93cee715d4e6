package dev.thingyan.ports.model.report;

import dev.thingyan.ports.model.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An error report as the spec lists it, before or after redaction (the type does not tell: the
 * domain redacts every report before it stores one). Validates shape and size in its compact
 * constructor and throws {@link ReportValidationException} naming the field; the bounds are in
 * {@link ReportLimits}. Identifiers are opaque ids only, so a name or an e-mail address in
 * {@code userId} is refused rather than redacted.
 *
 * @param title one line for the issue title; stripped, trimmed to 256 characters later
 * @param environment e.g. {@code production}, {@code staging}
 * @param userId the app's opaque user id, never a name
 * @param role the user's role, e.g. {@code front_desk}
 * @param message the error message, possibly empty (an admin form may have none)
 * @param exceptionType e.g. {@code java.lang.IllegalStateException}, {@code TypeError}
 * @param context nested JSON-like attributes: strings, numbers, booleans, lists and maps
 */
public record ErrorReport(String title, Severity severity, ReportSource source,
    String environment, Optional<Version> appVersion, Optional<String> traceId,
    Optional<String> requestId, Optional<String> userId, Optional<String> role,
    Optional<String> stepsToReproduce, String message, Optional<String> exceptionType,
    StackTrace stackTrace, Map<String, Object> context, Instant occurredAt) {

  public ErrorReport {
    title = Fields.text("title", title, ReportLimits.TITLE_CHARS).strip();
    if (title.isEmpty()) {
      throw new ReportValidationException("title", "must not be blank");
    }
    Fields.present("severity", severity);
    Fields.present("source", source);
    environment = Fields.id("environment", environment, ReportLimits.ID_CHARS);
    Fields.present("app_version", appVersion);
    traceId = Fields.optionalId("trace_id", traceId);
    requestId = Fields.optionalId("request_id", requestId);
    userId = Fields.optionalId("user_id", userId);
    role = Fields.optionalId("role", role);
    Fields.present("steps_to_reproduce", stepsToReproduce);
    stepsToReproduce.ifPresent(s -> Fields.text("steps_to_reproduce", s, ReportLimits.STEPS_CHARS));
    message = Fields.text("message", message, ReportLimits.MESSAGE_CHARS);
    Fields.present("exception_type", exceptionType);
    exceptionType.ifPresent(t -> Fields.id("exception_type", t.replace('\\', '.'),
        ReportLimits.TYPE_CHARS));
    Fields.present("stack_trace", stackTrace);
    context = ContextValues.copy(Objects.requireNonNullElse(context, Map.of()));
    Fields.present("occurred_at", occurredAt);
    long total = title.length() + message.length() + stackTrace.raw().length()
        + stepsToReproduce.map(String::length).orElse(0) + ContextValues.chars(context);
    if (total > ReportLimits.TOTAL_CHARS) {
      throw new ReportValidationException("report",
          "larger than " + ReportLimits.TOTAL_CHARS + " characters in all (" + total + ")");
    }
  }

  /** @return the title cut to what a GitHub issue title may hold, with an ellipsis if cut. */
  public String issueTitle() {
    return title.length() <= ReportLimits.ISSUE_TITLE_CHARS ? title
        : title.substring(0, ReportLimits.ISSUE_TITLE_CHARS - 1) + "…";
  }
}

package dev.thingyan.ports.model.report;

import dev.thingyan.ports.error.ValidationException;

import java.util.Objects;

/**
 * A report (or a part of it) is malformed. The message starts with the field's path, as the sender
 * wrote it ({@code severity: expected one of critical, error, warning, info}), so an HTTP adapter
 * can answer 400 with it as is. It is a {@link ValidationException}, as every malformed argument to a
 * driving port is.
 */
public class ReportValidationException extends ValidationException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the field's path, e.g. {@code title} or {@code context.guest.phone}
   * @param problem what is wrong, without the field name
   */
  public ReportValidationException(String field, String problem) {
    super("report_invalid", Objects.requireNonNull(field, "field") + ": " + problem, null);
    this.field = field;
  }

  /** @return the path of the offending field, e.g. {@code severity}. */
  public String field() {
    return field;
  }
}

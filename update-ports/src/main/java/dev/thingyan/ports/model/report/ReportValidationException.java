package dev.thingyan.ports.model.report;

import java.util.Objects;

/**
 * A report (or a part of it) is malformed. The message starts with the field's path, as the sender
 * wrote it ({@code severity: expected one of critical, error, warning, info}), so an HTTP adapter
 * can answer 400 with it as is. It is an {@link IllegalArgumentException} so that code which does
 * not branch on it still treats it as a bad argument.
 */
public class ReportValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the field's path, e.g. {@code title} or {@code context.guest.phone}
   * @param problem what is wrong, without the field name
   */
  public ReportValidationException(String field, String problem) {
    super(Objects.requireNonNull(field, "field") + ": " + problem);
    this.field = field;
  }

  /** @return the path of the offending field, e.g. {@code severity}. */
  public String field() {
    return field;
  }
}

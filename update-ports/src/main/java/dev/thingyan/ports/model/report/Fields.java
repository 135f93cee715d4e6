package dev.thingyan.ports.model.report;

import java.util.Optional;

/** Checks shared by the report records; each failure names the field as senders spell it. */
final class Fields {
  private Fields() {}

  static <T> T present(String field, T value) {
    if (value == null) {
      throw new ReportValidationException(field, "required");
    }
    return value;
  }

  static String text(String field, String value, int maxChars) {
    present(field, value);
    if (value.length() > maxChars) {
      throw new ReportValidationException(field, "longer than " + maxChars + " characters");
    }
    return value;
  }

  /**
   * Ids are letters, digits and {@code . _ : / -}: wide enough for UUIDs, W3C trace ids, class
   * names and roles, narrow enough that a name with a space or an e-mail address cannot pass.
   */
  static String id(String field, String value, int maxChars) {
    text(field, value, maxChars);
    if (value.isEmpty()) {
      throw new ReportValidationException(field, "must not be empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == ':' || c == '/' || c == '-' || c == '$';
      if (!ok) {
        throw new ReportValidationException(field, "only an opaque id is allowed (letters, digits,"
            + " . _ : / - $), never a name or an e-mail address");
      }
    }
    return value;
  }

  static Optional<String> optionalId(String field, Optional<String> value) {
    present(field, value);
    value.ifPresent(v -> id(field, v, ReportLimits.ID_CHARS));
    return value;
  }
}

package dev.thingyan.domain.report;

import dev.thingyan.ports.model.report.ReportValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Typed reads from an untrusted JSON-like map; every failure names the field. */
final class Input {
  private final Map<String, ?> values;
  private final String prefix;

  Input(Map<String, ?> values, String prefix) {
    this.values = values;
    this.prefix = prefix;
  }

  String path(String field) {
    return prefix + field;
  }

  Optional<Object> raw(String field) {
    Object v = values.get(field);
    return v instanceof String s && s.isBlank() ? Optional.empty() : Optional.ofNullable(v);
  }

  String requiredString(String field) {
    return optionalString(field).orElseThrow(() -> problem(field, "required"));
  }

  /** Numbers are accepted as their decimal text: a user id may come as a JSON number. */
  Optional<String> optionalString(String field) {
    return raw(field).map(v -> {
      if (v instanceof String s) {
        return s;
      }
      if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
        return n.toString();
      }
      throw problem(field, "expected a string, got " + kind(v));
    });
  }

  <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
    String text = requiredString(field);
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      String allowed = Arrays.stream(type.getEnumConstants())
          .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
      throw problem(field, "expected one of " + allowed);
    }
  }

  ReportValidationException problem(String field, String message) {
    return new ReportValidationException(path(field), message);
  }

  static String kind(Object v) {
    if (v instanceof Map) return "an object";
    if (v instanceof Iterable) return "a list";
    if (v instanceof Number) return "a number";
    if (v instanceof Boolean) return "a boolean";
    return v instanceof String ? "a string" : v.getClass().getSimpleName();
  }
}

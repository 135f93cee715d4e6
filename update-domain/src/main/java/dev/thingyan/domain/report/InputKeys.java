package dev.thingyan.domain.report;

import dev.thingyan.ports.model.report.ReportLimits;
import dev.thingyan.ports.model.report.ReportValidationException;
import dev.thingyan.ports.model.report.StackFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/** Key spelling, the context map and sent frames: the structured parts of a report's input. */
final class InputKeys {
  private InputKeys() {}

  /** @return the input with camelCase keys spelled snake_case; unknown keys refused. */
  static Map<String, Object> canonical(Map<String, ?> input, Set<String> known) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : input.entrySet()) {
      String key = snake(String.valueOf(e.getKey()));
      if (!known.contains(key)) {
        throw new ReportValidationException(String.valueOf(e.getKey()),
            "unknown field (expected " + String.join(", ", new TreeSet<>(known)) + ")");
      }
      if (out.put(key, e.getValue()) != null) {
        throw new ReportValidationException(key, "given twice (snake_case and camelCase)");
      }
    }
    return out;
  }

  static String snake(String key) {
    return String.join("_", SensitiveKeys.words(key)).toLowerCase(Locale.ROOT);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> context(Input in) {
    Optional<Object> value = in.raw("context");
    if (value.isEmpty()) {
      return Map.of();
    }
    if (!(value.get() instanceof Map<?, ?> map)) {
      throw in.problem("context", "expected an object, got " + Input.kind(value.get()));
    }
    return (Map<String, Object>) dropNulls(map); // JSON null means "not set"
  }

  private static Object dropNulls(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        if (v != null) {
          out.put(k, dropNulls(v));
        }
      });
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().filter(v -> v != null).map(InputKeys::dropNulls).toList();
    }
    return value;
  }

  static List<StackFrame> frames(Input in) {
    Object value = in.raw("frames").orElseThrow();
    if (!(value instanceof List<?> list)) {
      throw in.problem("frames", "expected a list, got " + Input.kind(value));
    }
    if (list.size() > ReportLimits.FRAMES) {
      throw in.problem("frames", "more than " + ReportLimits.FRAMES + " frames");
    }
    List<StackFrame> frames = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        throw in.problem("frames[" + i + "]", "expected an object");
      }
      @SuppressWarnings("unchecked")
      Input f = new Input((Map<String, ?>) m, "frames[" + i + "].");
      frames.add(new StackFrame(f.optionalString("function").orElse(""),
          f.optionalString("file"), line(f)));
    }
    return frames;
  }

  private static OptionalInt line(Input f) {
    Optional<Object> v = f.raw("line");
    if (v.isEmpty()) {
      return OptionalInt.empty();
    }
    if (v.get() instanceof Integer n && n >= 0) {
      return OptionalInt.of(n);
    }
    throw f.problem("line", "expected a whole number");
  }
}

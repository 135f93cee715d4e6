package dev.thingyan.ports.model.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, immutable copies of JSON-like context values (String, Number, Boolean, List, Map with
 * String keys) within the depth and entry bounds of {@link ReportLimits}. Insertion order is kept
 * so that a rendered issue reads as the sender wrote it.
 */
final class ContextValues {
  private ContextValues() {}

  static Map<String, Object> copy(Map<String, Object> context) {
    int[] entries = {0};
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) copy("context", context, 1, entries);
    return copy;
  }

  private static Object copy(String path, Object value, int depth, int[] entries) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (depth > ReportLimits.CONTEXT_DEPTH) {
      throw new ReportValidationException(path, "nested deeper than " + ReportLimits.CONTEXT_DEPTH);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new ReportValidationException(path, "keys must be strings");
        }
        count(path, entries);
        out.put(key, copy(path + "." + key, Fields.present(path + "." + key, e.getValue()),
            depth + 1, entries));
      }
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        count(path, entries);
        String at = path + "[" + i + "]";
        out.add(copy(at, Fields.present(at, list.get(i)), depth + 1, entries));
      }
      return Collections.unmodifiableList(out);
    }
    throw new ReportValidationException(path, "expected a string, number, boolean, list or map");
  }

  private static void count(String path, int[] entries) {
    if (++entries[0] > ReportLimits.CONTEXT_ENTRIES) {
      throw new ReportValidationException(path, "more than " + ReportLimits.CONTEXT_ENTRIES
          + " entries in the context");
    }
  }

  /** @return the characters of all keys and scalar values, a cheap measure of the size. */
  static long chars(Object value) {
    if (value instanceof Map<?, ?> map) {
      long n = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        n += e.getKey().toString().length() + chars(e.getValue());
      }
      return n;
    }
    if (value instanceof List<?> list) {
      return list.stream().mapToLong(ContextValues::chars).sum();
    }
    return String.valueOf(value).length();
  }
}

package dev.thingyan.bootstrap.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code thingyan report} reads: one JSON object, a JSON array of objects, or NDJSON (one
 * object per line). Each item is judged on its own, so one bad line refuses that line only; data
 * after the document (a second object after the first, text after an array) refuses the whole
 * input, never silently ignored. Nesting deeper than {@link #MAX_DEPTH} is refused with a clear
 * message instead of exhausting the stack. Decimal numbers are read exactly ({@code 1e400} stays
 * {@code 1E+400}, never {@code Infinity}).
 */
final class ReportInput {
  static final int MAX_DEPTH = 64;
  private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
              .build()).build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /** One item of the input: a report to validate, or why it cannot be one. */
  record Item(int number, Map<String, Object> report, String problem) {}

  private ReportInput() {}

  /** @throws IllegalArgumentException when the input as a whole cannot be read */
  static List<Item> read(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1).strip();
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException("the input is empty");
    }
    if (text.startsWith("[")) {
      return array(text);
    }
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    if (lines.size() > 1 && parsesAlone(lines.get(0))) {
      return ndjson(lines);
    }
    return List.of(item(1, parse(text, "the input")));
  }

  private static List<Item> array(String text) {
    Object value = parse(text, "the input");
    List<Item> items = new ArrayList<>();
    int n = 0;
    for (Object element : (List<?>) value) {
      items.add(item(++n, element));
    }
    if (items.isEmpty()) {
      throw new IllegalArgumentException("the array holds no report");
    }
    return items;
  }

  private static List<Item> ndjson(List<String> lines) {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      try {
        items.add(item(i + 1, parse(lines.get(i), "line " + (i + 1))));
      } catch (IllegalArgumentException e) {
        items.add(new Item(i + 1, null, e.getMessage()));
      }
    }
    return items;
  }

  private static boolean parsesAlone(String line) {
    try {
      return JSON.readValue(line, Object.class) instanceof Map<?, ?>;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static Item item(int number, Object value) {
    if (!(value instanceof Map<?, ?>)) {
      return new Item(number, null, "expected a JSON object { \"title\": ... }");
    }
    return new Item(number, (Map<String, Object>) value, null);
  }

  private static Object parse(String text, String where) {
    try {
      return JSON.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      if (e instanceof StreamConstraintsException
          || e.getCause() instanceof StreamConstraintsException) {
        throw new IllegalArgumentException(where + " is nested deeper than " + MAX_DEPTH
            + " levels; flatten the context");
      }
      String message = e.getOriginalMessage();
      if (message != null && message.contains("Trailing token")) {
        throw new IllegalArgumentException(where + " has data after its JSON document (line "
            + e.getLocation().getLineNr() + "); send one object, an array, or one object per"
            + " line (NDJSON)");
      }
      throw new IllegalArgumentException(where + " is not valid JSON at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
          + message);
    }
  }
}

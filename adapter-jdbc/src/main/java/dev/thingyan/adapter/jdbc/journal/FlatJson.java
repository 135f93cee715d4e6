package dev.thingyan.adapter.jdbc.journal;

import java.util.Map;
import java.util.TreeMap;

/**
 * A JSON object of string values, written with sorted keys and one spelling per string, so the same
 * attributes always give the same text (the audit hash depends on it). Reads back only what it
 * writes.
 */
final class FlatJson {

  private FlatJson() {}

  static String write(Map<String, String> values) {
    StringBuilder out = new StringBuilder("{");
    new TreeMap<>(values)
        .forEach(
            (k, v) -> {
              if (out.length() > 1) {
                out.append(',');
              }
              quote(out, k).append(':');
              quote(out, v);
            });
    return out.append('}').toString();
  }

  private static StringBuilder quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  static Map<String, String> read(String json) {
    Reader r = new Reader(json);
    Map<String, String> values = new TreeMap<>();
    r.expect('{');
    while (r.peek() != '}') {
      if (!values.isEmpty()) {
        r.expect(',');
      }
      String key = r.string();
      r.expect(':');
      values.put(key, r.string());
    }
    r.expect('}');
    return values;
  }

  /** A cursor over text written by {@link #write}. */
  private static final class Reader {
    private final String s;
    private int pos;

    Reader(String s) {
      this.s = s;
    }

    char peek() {
      if (pos >= s.length()) {
        throw new IllegalArgumentException("audit attributes end too early: " + s);
      }
      return s.charAt(pos);
    }

    void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException("audit attributes: expected '" + c + "' at " + pos);
      }
      pos++;
    }

    String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      for (char c = peek(); c != '"'; c = peek()) {
        pos++;
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = peek();
        pos++;
        switch (e) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> out.append(e);
        }
      }
      pos++;
      return out.toString();
    }
  }
}

package dev.thingyan.adapter.http.probe;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small, strict JSON reader for probe bodies (objects, arrays, strings, numbers, literals), so
 * this module needs no JSON library. Nesting is bounded: a hostile body cannot overflow the stack.
 */
final class MiniJson {

  private static final int MAX_DEPTH = 32;
  private static final Object NULL = new Object();

  private final String s;
  private int pos;

  private MiniJson(String s) {
    this.s = s;
  }

  /** @return the parsed value (Map, List, String, BigDecimal, Boolean), or empty when not JSON */
  static Optional<Object> parse(String text) {
    try {
      MiniJson p = new MiniJson(text);
      Object v = p.value(0);
      p.skipSpace();
      return p.pos == text.length() && v != NULL ? Optional.of(v) : Optional.empty();
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /** @return a top-level field of a JSON object as text, if it is a string or a number */
  static Optional<String> field(Object root, String name) {
    if (root instanceof Map<?, ?> m) {
      Object v = m.get(name);
      if (v instanceof String || v instanceof BigDecimal) {
        return Optional.of(v.toString());
      }
    }
    return Optional.empty();
  }

  /** @return the strings of a top-level array field (other elements are skipped) */
  static List<String> strings(Object root, String name) {
    List<String> out = new ArrayList<>();
    if (root instanceof Map<?, ?> m && m.get(name) instanceof List<?> list) {
      list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(out::add);
    }
    return out;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("nested too deeply");
    }
    skipSpace();
    char c = s.charAt(pos);
    switch (c) {
      case '{': return object(depth);
      case '[': return array(depth);
      case '"': return string();
      case 't': return literal("true", Boolean.TRUE);
      case 'f': return literal("false", Boolean.FALSE);
      case 'n': return literal("null", NULL);
      default: return number();
    }
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    pos++;
    skipSpace();
    if (s.charAt(pos) == '}') {
      pos++;
      return m;
    }
    do {
      skipSpace();
      String key = string();
      skipSpace();
      expect(':');
      m.put(key, value(depth + 1));
      skipSpace();
    } while (s.charAt(pos++) == ',');
    if (s.charAt(pos - 1) != '}') {
      throw new IllegalArgumentException("expected } at " + pos);
    }
    return m;
  }

  private List<Object> array(int depth) {
    List<Object> list = new ArrayList<>();
    pos++;
    skipSpace();
    if (s.charAt(pos) == ']') {
      pos++;
      return list;
    }
    do {
      list.add(value(depth + 1));
      skipSpace();
    } while (s.charAt(pos++) == ',');
    if (s.charAt(pos - 1) != ']') {
      throw new IllegalArgumentException("expected ] at " + pos);
    }
    return list;
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    for (char c = s.charAt(pos++); c != '"'; c = s.charAt(pos++)) {
      if (c < 0x20) {
        throw new IllegalArgumentException("control character in string");
      }
      b.append(c == '\\' ? escape() : c);
    }
    return b.toString();
  }

  private char escape() {
    char e = s.charAt(pos++);
    switch (e) {
      case '"': case '\\': case '/': return e;
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u':
        pos += 4;
        return (char) Integer.parseInt(s.substring(pos - 4, pos), 16);
      default: throw new IllegalArgumentException("bad escape \\" + e);
    }
  }

  private BigDecimal number() {
    int start = pos;
    while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    String t = s.substring(start, pos);
    if (!t.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
      throw new IllegalArgumentException("not a JSON value at " + start);
    }
    return new BigDecimal(t);
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, pos)) {
      throw new IllegalArgumentException("not a JSON value at " + pos);
    }
    pos += word.length();
    return v;
  }

  private void expect(char c) {
    if (s.charAt(pos++) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + (pos - 1));
    }
  }

  private void skipSpace() {
    while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
  }
}

package dev.thingyan.domain.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a JSON object whose values are strings, numbers, booleans or null ({@code release.json}).
 * The domain uses no JSON library; nested values are refused with a message naming the key.
 */
public final class FlatJson {

  private final String s;
  private int i;

  private FlatJson(String s) {
    this.s = s;
  }

  /** @throws IllegalArgumentException with the position of what could not be read */
  public static Map<String, Object> parse(String json) {
    FlatJson p = new FlatJson(json);
    Map<String, Object> out = p.object();
    p.ws();
    if (p.i != p.s.length()) throw p.error("unexpected text after the object");
    return out;
  }

  private Map<String, Object> object() {
    ws();
    expect('{');
    Map<String, Object> out = new LinkedHashMap<>();
    ws();
    if (peek() == '}') {
      i++;
      return out;
    }
    while (true) {
      ws();
      String key = string();
      ws();
      expect(':');
      ws();
      if (out.containsKey(key)) {
        // readers differ on which of two values wins: the reviewer's and ours could disagree
        throw error("'" + key + "' is given twice");
      }
      out.put(key, value(key));
      ws();
      char c = next();
      if (c == '}') return out;
      if (c != ',') throw error("expected , or }");
    }
  }

  private Object value(String key) {
    char c = peek();
    if (c == '"') return string();
    if (c == '{' || c == '[') throw error("'" + key + "' must be a string, number or boolean");
    int start = i;
    while (i < s.length() && "{}[],: \t\r\n\"".indexOf(s.charAt(i)) < 0) i++;
    String word = s.substring(start, i);
    switch (word) {
      case "true": return Boolean.TRUE;
      case "false": return Boolean.FALSE;
      case "null": return null;
      default:
        try {
          return new java.math.BigDecimal(word);
        } catch (NumberFormatException e) {
          throw error("'" + key + "' has an unreadable value '" + word + "'");
        }
    }
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') return b.toString();
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case 'n': b.append('\n'); break;
        case 't': b.append('\t'); break;
        case 'r': b.append('\r'); break;
        case 'b': b.append('\b'); break;
        case 'f': b.append('\f'); break;
        case 'u': b.append(unicodeEscape()); break;
        default: b.append(e);
      }
    }
  }

  private char unicodeEscape() {
    if (i + 4 > s.length()) throw error("short \\u escape");
    try {
      char c = (char) Integer.parseInt(s.substring(i, i + 4), 16);
      i += 4;
      return c;
    } catch (NumberFormatException e) {
      throw error("bad \\u escape");
    }
  }

  private void ws() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
  }

  private char peek() {
    if (i >= s.length()) throw error("unexpected end");
    return s.charAt(i);
  }

  private char next() {
    char c = peek();
    i++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) throw error("expected '" + c + "'");
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("release.json: " + what + " at character " + i);
  }
}

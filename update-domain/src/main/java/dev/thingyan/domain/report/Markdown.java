package dev.thingyan.domain.report;

import java.util.List;
import java.util.Map;

/**
 * The little Markdown an issue needs, written so that nothing a sender wrote is read as markup:
 * free text goes into fenced blocks (a fence longer than any backtick run inside), where
 * {@code @mentions} and {@code #123} references notify and link nobody; table cells escape pipes.
 */
final class Markdown {
  private Markdown() {}

  /** @return the text in a fenced code block. */
  static String fenced(String info, String text) {
    String fence = fence(text);
    return fence + info + "\n" + text + (text.endsWith("\n") ? "" : "\n") + fence + "\n";
  }

  /** @return a backtick fence longer than any backtick run in the text, so none can close it. */
  static String fence(String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  /** @return the value fit for one table cell: one line, pipes escaped, mentions defused. */
  static String cell(String value) {
    return code(value.replace('\n', ' ').replace('\r', ' ').replace("|", "\\|"));
  }

  private static String code(String value) {
    return value.isEmpty() ? "" : "`" + value.replace("`", "'") + "`";
  }

  /** @return the context as indented JSON, bounded by the caller's budget. */
  static String json(Object value) {
    StringBuilder out = new StringBuilder();
    json(value, out, 0);
    return out.toString();
  }

  private static void json(Object value, StringBuilder out, int depth) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append("  ".repeat(depth + 1));
        string(String.valueOf(e.getKey()), out);
        out.append(": ");
        json(e.getValue(), out, depth + 1);
        out.append(++i < map.size() ? ",\n" : "\n");
      }
      out.append("  ".repeat(depth)).append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        json(list.get(i), out, depth + 1);
        out.append(i + 1 < list.size() ? ", " : "");
      }
      out.append(']');
    } else if (value instanceof String s) {
      string(s, out);
    } else {
      out.append(value);
    }
  }

  private static void string(String s, StringBuilder out) {
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
    out.append('"');
  }
}

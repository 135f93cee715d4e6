package dev.thingyan.domain.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Data hidden by an encoding: percent-encoding in URLs and form bodies
 * ({@code kyaw.zin%40outlook.com}, {@code %7B%22guest_name%22%3A…}, twice encoded {@code %2540})
 * and JSON's {@code \}{@code uXXXX} escapes (PHP's {@code json_encode} writes every Burmese
 * letter and digit so). Each run of non-space text holding an escape is decoded and redacted as a
 * whole; when redaction changed the decoded run, the redacted decoded run replaces the original.
 * A run that hides nothing is left encoded, byte for byte.
 */
final class EncodedText {
  private EncodedText() {}

  private static final int MAX_ROUNDS = 3;

  /** @return the text with each encoded run that hid something replaced by its redacted form */
  static String redact(String text, UnaryOperator<String> redactor) {
    if (text.indexOf('%') < 0 && text.indexOf("\\u") < 0) {
      return text;
    }
    StringBuilder out = null;
    int done = 0;
    int i = 0;
    while (i < text.length()) {
      if (!escapeAt(text, i)) {
        i++;
        continue;
      }
      int from = i;
      while (from > 0 && !breaksRun(text.charAt(from - 1))) {
        from--;
      }
      int to = i;
      while (to < text.length() && !breaksRun(text.charAt(to))) {
        to++;
      }
      String run = text.substring(from, to);
      String decoded = decode(run);
      String redacted = redactor.apply(decoded);
      if (!redacted.equals(decoded) && from >= done) {
        out = out == null ? new StringBuilder(text.length()) : out;
        out.append(text, done, from).append(redacted);
        done = to;
      }
      i = Math.max(to, i + 1);
    }
    return out == null ? text : out.append(text, done, text.length()).toString();
  }

  /**
   * A run ends at a space and at the URL's own delimiters: each path segment and query parameter
   * is decoded on its own, so {@code next=%2Fdashboard} stays encoded beside a redacted e-mail.
   */
  private static boolean breaksRun(char c) {
    return Character.isWhitespace(c) || "<>`?&/;".indexOf(c) >= 0;
  }

  private static boolean escapeAt(String s, int i) {
    char c = s.charAt(i);
    if (c == '%') {
      return i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0;
    }
    return c == '\\' && i + 5 < s.length() && s.charAt(i + 1) == 'u' && hex(s.charAt(i + 2)) >= 0
        && hex(s.charAt(i + 3)) >= 0 && hex(s.charAt(i + 4)) >= 0 && hex(s.charAt(i + 5)) >= 0;
  }

  /** Decodes until nothing changes, at most three rounds ({@code %252540} is still caught). */
  static String decode(String run) {
    String current = run;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      String next = decodeOnce(current);
      if (next.equals(current)) {
        return current;
      }
      current = next;
    }
    return current;
  }

  private static String decodeOnce(String s) {
    StringBuilder out = new StringBuilder(s.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) == '%' && escapeAt(s, i)) {
        bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 3;
        continue;
      }
      flush(bytes, out);
      if (escapeAt(s, i)) {
        out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 6;
      } else if (s.charAt(i) == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
        out.append('/');
        i += 2;
      } else {
        out.append(s.charAt(i++));
      }
    }
    flush(bytes, out);
    return out.toString();
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() > 0) {
      out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
      bytes.reset();
    }
  }

  private static int hex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
  }
}

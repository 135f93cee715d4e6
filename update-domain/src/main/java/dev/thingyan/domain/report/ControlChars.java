package dev.thingyan.domain.report;

/**
 * Control characters in a report's text (NUL, ESC, a lone CR, C1 controls, bidirectional
 * overrides) written as visible escapes ({@code \u001b}) before the report is stored: from then
 * on neither GitHub nor an admin's terminal receives them raw. A CR before a LF is dropped (a
 * Windows line end), line feeds and tabs stay: stack traces need them.
 */
final class ControlChars {
  private ControlChars() {}

  static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
      boolean control = c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f
          || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
      if (crlf || control) {
        out = out == null ? new StringBuilder(text.length() + 8).append(text, 0, i) : out;
        if (!crlf) {
          out.append(String.format("\\u%04x", (int) c));
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}

package dev.thingyan.bootstrap.cli;

/**
 * Text from a report on its way to the admin's terminal: control characters (ESC, NUL, CR, C1,
 * bidirectional overrides) are shown escaped ({@code \u001b}) rather than interpreted, so a report
 * cannot move the cursor, recolour or hide the lines around it.
 */
final class Terminal {
  private Terminal() {}

  static String safe(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f
          || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
      if (control) {
        out = out == null ? new StringBuilder(text.substring(0, i)) : out;
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}

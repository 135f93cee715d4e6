package dev.thingyan.adapter.jdbc.journal;

/** Bounds on free text written to the journal, so one huge hook output line cannot fail a run. */
final class Texts {

  /** Messages, details and reasons longer than this are cut, with a note saying so. */
  static final int MAX_CHARS = 16_000;

  private Texts() {}

  /**
   * @return {@code text}, or its first part with a note of how much was cut.
   */
  static String bounded(String text) {
    if (text == null || text.length() <= MAX_CHARS) {
      return text;
    }
    String note = " … [truncated: " + text.length() + " characters in all]";
    int end = MAX_CHARS - note.length();
    // never cut a surrogate pair in half: the half would not encode in UTF-8
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + note;
  }
}

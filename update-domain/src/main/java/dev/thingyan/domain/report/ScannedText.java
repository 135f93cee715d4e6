package dev.thingyan.domain.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * A text to redact and what one pass over its characters found: which ASCII characters occur
 * (letters folded to lower case), how many decimal digits it holds, whether it holds anything but
 * ASCII. Rules read these first and skip a text that cannot hold their match (a phone needs 8
 * digits, an e-mail an {@code @}), so a frame name or an id costs one pass, not eighteen regular
 * expressions. The ASCII-folded copy, which has the same length as the text (so positions agree),
 * and the runs of digits are made only when a rule asks for them.
 *
 * <p>After a rule replaced something, the facts are carried over rather than scanned again (see
 * {@link #replaced}): they then over-state the text, which keeps every test they serve a
 * necessary condition, and only costs a rule a look it could have skipped.
 */
final class ScannedText {
  /** Digits, {@code \s} and {@code +().-}: what phone and card numbers are written with. */
  private static final boolean[] IN_NUMBER = new boolean[128];

  static {
    "0123456789+().- \t\n\u000B\f\r".chars().forEach(c -> IN_NUMBER[c] = true);
  }

  private final String text;
  private final long low;
  private final long high;
  private final boolean nonAscii;
  private final int digits;
  private String folded;
  private int[] runs;

  /** Scans the text: one pass over its characters. */
  ScannedText(String text) {
    this.text = text;
    long lo = 0;
    long hi = 0;
    boolean other = false;
    int burmese = 0;
    int latin = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 64) {
        lo |= 1L << c;
        latin += c >= '0' && c <= '9' ? 1 : 0;
      } else if (c < 128) {
        hi |= 1L << (foldAscii(c) - 64);
      } else {
        other = true;
        burmese += isBurmeseDigit(c) ? 1 : 0;
      }
    }
    this.low = lo;
    this.high = hi;
    this.nonAscii = other;
    this.digits = burmese + latin;
  }

  private ScannedText(String text, ScannedText before, ScannedText added, String folded) {
    this.text = text;
    this.folded = folded;
    this.low = before.low | added.low;
    this.high = before.high | added.high;
    this.nonAscii = before.nonAscii || added.nonAscii;
    this.digits = before.digits + added.digits;
  }

  /**
   * @param after this text with some of it replaced
   * @param replacements everything that was put in
   * @param folded the text after, ASCII-folded, or null when nobody needed it yet
   * @return the text after, described by what this text and the replacements hold: every
   *     character, and at least every digit, it can hold
   */
  ScannedText replaced(String after, CharSequence replacements, String folded) {
    return new ScannedText(after, this, new ScannedText(replacements.toString()), folded);
  }

  String text() {
    return text;
  }

  int length() {
    return text.length();
  }

  /** @return at least the Latin and Burmese digits ({@code D} of the patterns) of the text. */
  int digits() {
    return digits;
  }

  /** @return false when some ASCII character of the needle (any case) cannot occur. */
  boolean mayContain(String needle) {
    for (int i = 0; i < needle.length(); i++) {
      char c = needle.charAt(i);
      if (c >= 128 ? !nonAscii : !has(c)) {
        return false;
      }
    }
    return true;
  }

  /** @return false when no ASCII character of {@code anyOf} (any case) can occur. */
  boolean mayContainAny(String anyOf) {
    for (int i = 0; i < anyOf.length(); i++) {
      if (has(anyOf.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private boolean has(char c) {
    return c < 64 ? (low & 1L << c) != 0 : (high & 1L << (foldAscii(c) - 64)) != 0;
  }

  /** @return the text with ASCII letters in lower case, the rest as it was: what (?i) sees. */
  String folded() {
    if (folded == null) {
      // for ASCII the JDK's lower-casing is the same and faster (Latin-1 strings are bytes)
      folded = nonAscii ? fold(text) : text.toLowerCase(Locale.ROOT);
    }
    return folded;
  }

  /** @return the folded text if a rule already asked for it, else null. */
  String foldedIfMade() {
    return folded;
  }

  /**
   * @return the maximal runs of digits, {@code \s} and {@code +().-} holding at least one digit,
   *     as {@code [start, end, digits]} triples: every phone or card number lies inside one
   */
  int[] numberRuns() {
    if (runs == null) {
      runs = findNumberRuns(text);
    }
    return runs;
  }

  private static int[] findNumberRuns(String s) {
    int[] found = new int[12];
    int size = 0;
    int start = -1;
    int count = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : '\uFFFF';
      if (c < 128 ? IN_NUMBER[c] : isBurmeseDigit(c)) {
        start = start < 0 ? i : start;
        count += c >= '0' && c <= '9' || c >= 128 ? 1 : 0;
        continue;
      }
      if (count > 0) {
        if (size + 3 > found.length) {
          found = Arrays.copyOf(found, 2 * found.length);
        }
        found[size++] = start;
        found[size++] = i;
        found[size++] = count;
      }
      start = -1;
      count = 0;
    }
    return Arrays.copyOf(found, size);
  }

  static String fold(String text) {
    int first = 0;
    while (first < text.length() && !isAsciiUpper(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (int i = first; i < chars.length; i++) {
      chars[i] = foldAscii(chars[i]);
    }
    return new String(chars);
  }

  private static char foldAscii(char c) {
    return isAsciiUpper(c) ? (char) (c + 32) : c;
  }

  private static boolean isAsciiUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /** The {@code D} class of the patterns: {@code [0-9\u1040-\u1049]}. */
  static boolean isDigit(char c) {
    return c >= '0' && c <= '9' || isBurmeseDigit(c);
  }

  static boolean isBurmeseDigit(char c) {
    return c >= '\u1040' && c <= '\u1049';
  }

  /** The {@code \s} class of the patterns (no UNICODE_CHARACTER_CLASS): {@code [ \t\n\x0B\f\r]}. */
  static boolean isSpace(char c) {
    return c == ' ' || c >= '\t' && c <= '\r';
  }
}

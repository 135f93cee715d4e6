package dev.thingyan.domain.report;

import java.util.regex.Pattern;

/**
 * Finds {@code key=value}, {@code key: value}, {@code "key": "value"}, {@code 'key' => 'value'},
 * {@code [key] => value}, {@code \"key\":\"value\"} (JSON inside a JSON string) and
 * {@code `column` = value} (SQL with inlined bindings) in free text, and redacts the value when its
 * key says it is a secret or a person's ({@link KeyVocabulary}, {@link ValuePolicy}).
 *
 * <p>A hand-written scanner rather than one pattern per form: it reads the key back from each
 * separator, then the value forward by the value's own syntax (quoted, escaped-quoted, a list of
 * scalars, or bare). A bare value under a personal key may hold spaces ({@code guest_name=Daw Khin
 * Myat Noe; room=305}), so it runs to a delimiter, the next key, or an SQL keyword. Linear: each
 * separator reads at most {@link #MAX_KEY} characters back and {@link #MAX_VALUE} forward, and
 * scanning resumes after a redacted value.
 */
final class KeyValueText {
  private KeyValueText() {}

  private static final int MAX_KEY = 64;
  /** {@code VerifyCsrfToken.php:83}: a file and its line, not a key and its value. */
  private static final Pattern FILE = Pattern.compile(
      ".*\\.(?:php|js|mjs|ts|tsx|jsx|vue|java|kt|py|rb|go|blade|html|json|yaml|yml|log|sql)");
  private static final int MAX_VALUE = 2048;
  private static final int MAX_BARE_PERSONAL = 120;
  private static final String[] SQL_STOPS = {" and ", " or ", " limit ", " order by ",
      " group by ", " where ", " is ", " for update", " returning ", " on duplicate", " at ",
      " in room", " (", " - ", " from "};

  /** @return the text with values under secret and personal keys replaced. */
  static String redact(String text) {
    if (text.indexOf('=') < 0 && text.indexOf(':') < 0) {
      return text;
    }
    StringBuilder out = null;
    int done = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int sepEnd = separatorEnd(text, i);
      if (sepEnd < 0) {
        i++;
        continue;
      }
      int[] key = keyBefore(text, i);
      if (key == null || key[0] < done) {
        i = sepEnd;
        continue;
      }
      String keyText = text.substring(key[0], key[1]);
      KeyKind kind = FILE.matcher(keyText).matches() ? KeyKind.PLAIN
          : KeyVocabulary.classify(keyText);
      if (kind == KeyKind.PLAIN) {
        i = sepEnd;
        continue;
      }
      boolean spaced = sepEnd < text.length() && text.charAt(sepEnd) == ' ';
      int[] value = valueAfter(text, sepEnd, kind, wholeLine(keyText), sepEnd == i + 1);
      if (value == null) {
        i = sepEnd;
        continue;
      }
      String v = text.substring(value[0], value[1]);
      boolean guardName = c == ':' && !spaced && KeyVocabulary.joined(keyText).equals("auth");
      if (cookies(keyText)) {
        out = out == null ? new StringBuilder(text.length()) : out;
        out.append(text, done, value[0]).append(Cookies.redact(v));
        done = value[1];
      } else if (!guardName && !ValuePolicy.keep(kind, v)) {
        out = out == null ? new StringBuilder(text.length()) : out;
        out.append(text, done, value[0]).append(ValuePolicy.token(kind));
        done = value[1];
      }
      i = Math.max(sepEnd, value[1]);
    }
    return out == null ? text : out.append(text, done, text.length()).toString();
  }

  /** A header's value is the whole rest of its line. */
  private static boolean wholeLine(String key) {
    String k = KeyVocabulary.joined(key);
    return cookies(key) || k.equals("authorization") || k.equals("proxyauthorization");
  }

  private static boolean cookies(String key) {
    String k = KeyVocabulary.joined(key);
    return k.equals("cookie") || k.equals("setcookie") || k.equals("cookies");
  }

  /** @return the end of a separator starting at i ({@code =}, {@code :}, {@code =>}), or -1. */
  private static int separatorEnd(String s, int i) {
    char c = s.charAt(i);
    char prev = i > 0 ? s.charAt(i - 1) : ' ';
    char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
    if (c == '=') {
      if (prev == '=' || prev == '!' || prev == '<' || prev == '>' || next == '=') {
        return -1;
      }
      return next == '>' ? i + 2 : i + 1;
    }
    if (c == ':') {
      if (prev == ':' || next == ':' || next == '/' && i + 2 < s.length() && s.charAt(i + 2) == '/') {
        return -1;
      }
      return i + 1;
    }
    return -1;
  }

  /** @return {@code [from, to)} of the key that ends right before the separator at i, or null. */
  private static int[] keyBefore(String s, int sep) {
    int end = sep;
    int spaces = 0;
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t') && spaces < 3) {
      end--;
      spaces++;
    }
    if (end == 0) {
      return null;
    }
    char last = s.charAt(end - 1);
    if (last == ']') {
      int open = s.lastIndexOf('[', end - 1);
      if (open < 0 || end - open > MAX_KEY) {
        return null;
      }
      return trimQuotes(s, open + 1, end - 1);
    }
    if (last == '"' || last == '\'' || last == '`') {
      boolean escaped = end >= 2 && s.charAt(end - 2) == '\\';
      int close = escaped ? end - 2 : end - 1;
      for (int k = close - 1; k >= 0 && close - k <= MAX_KEY; k--) {
        char ch = s.charAt(k);
        if (ch == '\n') {
          return null;
        }
        if (ch == last && (!escaped || k > 0 && s.charAt(k - 1) == '\\')) {
          return hasLetter(s, k + 1, close) ? new int[] {k + 1, close} : null;
        }
      }
      return null;
    }
    int from = end;
    while (from > 0 && end - from < MAX_KEY && isKeyChar(s.charAt(from - 1))) {
      from--;
    }
    while (from < end && (s.charAt(from) == '-' || s.charAt(from) == '.')) {
      from++;
    }
    return from < end && hasLetter(s, from, end) ? new int[] {from, end} : null;
  }

  private static int[] trimQuotes(String s, int from, int to) {
    int f = from;
    int t = to;
    if (t - f >= 2 && (s.charAt(f) == '"' || s.charAt(f) == '\'') && s.charAt(t - 1) == s.charAt(f)) {
      f++;
      t--;
    }
    return f < t && hasLetter(s, f, t) ? new int[] {f, t} : null;
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.'
        || c >= '\u1000' && c <= '\u109F';
  }

  private static boolean hasLetter(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLetter(s.charAt(i)) || s.charAt(i) >= '\u1000' && s.charAt(i) <= '\u109F') {
        return true;
      }
    }
    return false;
  }

  /** @return {@code [from, to)} of the value after a separator, or null when there is none. */
  /** @param single a one-character separator: only {@code =>} may have its value on the next line */
  private static int[] valueAfter(String s, int from, KeyKind kind, boolean wholeLine,
      boolean single) {
    int i = from;
    int limit = Math.min(s.length(), from + 8);
    while (i < limit && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    if (i < s.length() - 1 && s.charAt(i) == '\n' && !single) {
      // var_dump: ["name"]=>\n  string(7) "Daw Aye"
      int j = i + 1;
      while (j < s.length() && j - i < 16 && s.charAt(j) == ' ') {
        j++;
      }
      if (s.startsWith("string(", j)) {
        i = j;
      }
    }
    if (i >= s.length()) {
      return null;
    }
    if (s.startsWith("string(", i)) {
      int close = s.indexOf(") ", i);
      if (close > 0 && close - i < 16) {
        i = close + 2;
      }
    }
    if (wholeLine) {
      int end = lineEnd(s, i);
      return end > i ? new int[] {i, end} : null;
    }
    char c = s.charAt(i);
    if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
      int close = s.indexOf("\\\"", i + 2);
      return close > 0 && close - i <= MAX_VALUE ? new int[] {i + 2, close} : null;
    }
    if (c == '"' || c == '\'' || c == '`') {
      int close = closingQuote(s, i + 1, c);
      return close < 0 ? new int[] {i + 1, lineEnd(s, i + 1)} : new int[] {i + 1, close};
    }
    if (c == '[' && kind != KeyKind.PLAIN) {
      return scalarList(s, i);
    }
    if (c == '{' || c == '[' || c == '(') {
      return null;
    }
    return kind == KeyKind.PERSONAL ? bareWords(s, i) : bareToken(s, i);
  }

  private static int lineEnd(String s, int from) {
    int end = from;
    while (end < s.length() && end - from < MAX_VALUE && s.charAt(end) != '\n'
        && s.charAt(end) != '\r') {
      end++;
    }
    return end;
  }

  private static int closingQuote(String s, int from, char quote) {
    for (int k = from; k < s.length() && k - from < MAX_VALUE; k++) {
      char ch = s.charAt(k);
      if (ch == '\\') {
        k++;
      } else if (ch == quote) {
        return k;
      } else if (ch == '\n') {
        return -1;
      }
    }
    return -1;
  }

  /** {@code ["Daw Aye", "U Ba"]}: a list of scalars is the value; a list of objects is not. */
  private static int[] scalarList(String s, int open) {
    for (int k = open + 1; k < s.length() && k - open < 512; k++) {
      char ch = s.charAt(k);
      if (ch == ']') {
        return k > open + 1 ? new int[] {open + 1, k} : null;
      }
      if (ch == '[' || ch == '{' || ch == ':' || ch == '=' || ch == '\n') {
        return null;
      }
    }
    return null;
  }

  /** A bare secret: one token, after an auth scheme word if there is one. */
  private static int[] bareToken(String s, int from) {
    int i = from;
    for (String scheme : new String[] {"bearer ", "basic ", "token ", "digest "}) {
      if (s.regionMatches(true, i, scheme, 0, scheme.length())) {
        i += scheme.length();
        break;
      }
    }
    int end = i;
    while (end < s.length() && end - i < MAX_VALUE && !endsBare(s.charAt(end))) {
      end++;
    }
    while (end > from && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ':')) {
      end--;
    }
    return end > from ? new int[] {from, end} : null;
  }

  private static boolean endsBare(char c) {
    return Character.isWhitespace(c) || ",;&)}]\"'<>|".indexOf(c) >= 0;
  }

  /** A bare personal value: words up to a delimiter, the next key, or an SQL keyword. */
  private static int[] bareWords(String s, int from) {
    int end = from;
    int limit = Math.min(s.length(), from + MAX_BARE_PERSONAL);
    while (end < limit) {
      char c = s.charAt(end);
      if (c == '\n' || c == '\r' || ";&|)}]\"<>,\t".indexOf(c) >= 0) {
        break;
      }
      if (c == ' ' && (nextIsKey(s, end + 1) || sqlStop(s, end) || numberEnds(s, from, end)
          || burmeseWordEnds(s, from, end))) {
        break;
      }
      end++;
    }
    while (end > from && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '.')) {
      end--;
    }
    return end > from ? new int[] {from, end} : null;
  }

  /** {@code phone: 09 791 234 567 room 5}: a number ends where a word starts. */
  private static boolean numberEnds(String s, int from, int at) {
    boolean digit = false;
    for (int k = from; k < at; k++) {
      digit |= Character.isDigit(s.charAt(k));
    }
    return digit && at + 1 < s.length() && !Character.isDigit(s.charAt(at + 1))
        && "+-(".indexOf(s.charAt(at + 1)) < 0;
  }

  /** Burmese writes a name as one word; a space after it starts the sentence's next phrase. */
  private static boolean burmeseWordEnds(String s, int from, int at) {
    return at > from && s.charAt(from) >= '\u1000' && s.charAt(from) <= '\u109F';
  }

  private static boolean sqlStop(String s, int at) {
    for (String stop : SQL_STOPS) {
      if (s.regionMatches(true, at, stop, 0, stop.length())) {
        return true;
      }
    }
    return false;
  }

  /** At a word followed by {@code =} or {@code :}: the next pair starts here. */
  private static boolean nextIsKey(String s, int from) {
    int k = from;
    while (k < s.length() && k - from < MAX_KEY && (isKeyChar(s.charAt(k)))) {
      k++;
    }
    return k > from && k < s.length() && (s.charAt(k) == '=' || s.charAt(k) == ':');
  }
}

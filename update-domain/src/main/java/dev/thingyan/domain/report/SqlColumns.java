package dev.thingyan.domain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL where the column is named apart from its value: an INSERT's column list and its rows
 * ({@code insert into `guests` (`name`, `date_of_birth`) values (Daw Aye, 1990-01-14)}), and
 * MariaDB's {@code Incorrect date value: '31/12/1985' for column `date_of_birth`}. The value in a
 * secret or personal column ({@link KeyVocabulary}) goes whatever its shape; the others are left
 * to {@link SqlRows}, which keeps small numbers and times.
 */
final class SqlColumns {
  private SqlColumns() {}

  private static final Pattern INSERT = Pattern.compile("(?i)\\binsert\\s+(?:ignore\\s+)?into\\s+"
      + "[`\"\\w.]{1,128}\\s*\\(([^()]{1,2048})\\)\\s*values\\s*");
  private static final Pattern INCORRECT = Pattern.compile("(?i)(incorrect \\w{1,16} value: ')"
      + "([^'\\n]{1,512})(' for column [`'\"]?)([\\w.]{1,64})");

  static String redact(String text) {
    String out = text;
    if (containsIgnoreCase(out, "insert")) {
      out = inserts(out);
    }
    if (containsIgnoreCase(out, "incorrect")) {
      Matcher m = INCORRECT.matcher(out);
      out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)
          + (KeyVocabulary.classify(r.group(4)) == KeyKind.PLAIN ? r.group(2) : "[value]")
          + r.group(3) + r.group(4)));
    }
    return out;
  }

  private static boolean containsIgnoreCase(String s, String word) {
    return s.toLowerCase(Locale.ROOT).contains(word);
  }

  private static String inserts(String text) {
    Matcher m = INSERT.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int done = 0;
    while (m.find()) {
      List<Boolean> hidden = new ArrayList<>();
      for (String column : m.group(1).split(",")) {
        String c = column.strip().replaceAll("[`\"\\[\\]]", "");
        hidden.add(KeyVocabulary.classify(c) != KeyKind.PLAIN);
      }
      out.append(text, done, m.end());
      done = m.end();
      int i = m.end();
      while (i < text.length() && text.charAt(i) == '(') {
        int close = rowEnd(text, i);
        if (close < 0) {
          break;
        }
        out.append(row(text.substring(i, close + 1), hidden));
        i = close + 1;
        done = i;
        int j = i;
        while (j < text.length() && (text.charAt(j) == ',' || text.charAt(j) == ' ')) {
          j++;
        }
        if (j < text.length() && text.charAt(j) == '(') {
          out.append(text, i, j);
          i = j;
          done = j;
        }
      }
    }
    return out.append(text, done, text.length()).toString();
  }

  private static int rowEnd(String s, int open) {
    boolean quoted = false;
    for (int k = open + 1; k < s.length() && k - open < 8192; k++) {
      char c = s.charAt(k);
      if (c == '\'' && (k == 0 || s.charAt(k - 1) != '\\')) {
        quoted = !quoted;
      } else if (c == ')' && !quoted) {
        return k;
      }
    }
    return -1;
  }

  /** Splits one row on commas outside quotes; an item in a hidden column becomes [value]. */
  private static String row(String row, List<Boolean> hidden) {
    StringBuilder out = new StringBuilder("(");
    int column = 0;
    int start = 1;
    boolean quoted = false;
    for (int k = 1; k < row.length(); k++) {
      char c = row.charAt(k);
      if (c == '\'' && row.charAt(k - 1) != '\\') {
        quoted = !quoted;
      }
      if (!quoted && (c == ',' || k == row.length() - 1)) {
        String item = row.substring(start, k);
        boolean hide = column < hidden.size() && hidden.get(column);
        if (hide && !item.isBlank()) {
          int lead = item.length() - item.stripLeading().length();
          out.append(item, 0, lead).append("[value]");
        } else {
          out.append(item);
        }
        out.append(c);
        start = k + 1;
        column++;
      }
    }
    return out.toString();
  }
}

package dev.thingyan.domain.report;

import java.util.regex.Pattern;

/**
 * The rows of an SQL {@code VALUES} list with every literal dropped but small numbers and
 * keywords: {@code ('Daw Aye', 09791234567, 305, NULL)} becomes {@code ([value], [value], 305,
 * NULL)}. Laravel inlines bindings without quotes, so a guest's name cannot be told from other
 * text; what a developer needs is the statement's shape, the ids (small numbers) and the times
 * ({@code 2024-06-10 10:15:30}). A number of eight or more digits may be a phone and goes. A
 * birth date is a date too: {@link SqlColumns} took it already when the statement named its
 * column, as Laravel's always do.
 */
final class SqlRows {
  private SqlRows() {}

  private static final Pattern KEPT = Pattern.compile(
      "-?\\d{1,7}(?:\\.\\d{1,4})?|(?i:null|true|false|default|now\\(\\))|\\?|:[a-z_]{1,32}"
          + "|'?\\d{4}-\\d{2}-\\d{2}(?: \\d{2}:\\d{2}:\\d{2})?'?");

  /** @param rows {@code (…), (…)} as the VALUES pattern matched them */
  static String redact(String rows) {
    StringBuilder out = new StringBuilder(rows.length());
    StringBuilder item = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < rows.length(); i++) {
      char c = rows.charAt(i);
      if (c == '(' && depth++ == 0) {
        out.append('(');
        continue;
      }
      if (c == ')' && --depth == 0 || c == ',' && depth == 1) {
        out.append(item(item.toString())).append(c);
        item.setLength(0);
        continue;
      }
      if (depth == 0) {
        out.append(c);
      } else {
        item.append(c);
      }
    }
    return out.append(item).toString();
  }

  private static String item(String item) {
    String v = item.strip();
    if (v.isEmpty() || KEPT.matcher(v).matches()) {
      return item;
    }
    int lead = item.indexOf(v);
    return item.substring(0, lead) + "[value]" + item.substring(lead + v.length());
  }
}

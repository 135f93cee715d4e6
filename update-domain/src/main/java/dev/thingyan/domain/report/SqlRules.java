package dev.thingyan.domain.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Literal values in SQL found in exception messages (Laravel's QueryException inlines the
 * bindings; PostgreSQL's detail names the conflicting key). A guest's name in an INSERT cannot be
 * recognised by its shape, so every literal of a statement is dropped: the statement's shape is
 * what a developer needs.
 */
final class SqlRules {
  private SqlRules() {}

  private static final String ROW = "\\((?:[^()]|\\([^()]{0,256}\\)){1,4096}\\)";

  /** Applied to every text: the PostgreSQL detail needs no statement around it. */
  static final List<Rule> ALWAYS = List.of(
      Rule.keepPrefix("pg-key-detail", "(?i)(\\bkey\\s{0,2}\\([^()]{1,256}\\)\\s{0,2}=\\s{0,2})"
          + "\\([^()\\n]{1,1024}\\)", "([value])")
          .startingAt(Starts.atFolded("key", (s, at) -> Starts.afterSpaces(s, at + 3, 2, "("))
              .ifAll("()=")));

  /** Applied only to text that looks like SQL, where {@code in (…)} is not plain English. */
  static final List<Rule> IN_SQL = List.of(
      new Rule("sql-values", Pattern.compile("(?i)(\\bvalues\\s{0,4})" + ROW
          + "(?:\\s{0,4},\\s{0,4}" + ROW + "){0,1000}"),
          m -> m.group(1) + SqlRows.redact(m.group().substring(m.group(1).length())),
          Starts.EVERYWHERE)
          .startingAt(Starts.atFolded("values", (s, at) -> true).ifAll("()")),
      new Rule("sql-in-list", Pattern.compile("(?i)(\\bin\\s{0,4})\\([^()]{1,4096}\\)"),
          m -> m.group(1) + SqlRows.redact(m.group().substring(m.group(1).length())),
          Starts.EVERYWHERE)
          .startingAt(Starts.atFolded("in", (s, at) -> Starts.afterSpaces(s, at + 2, 4, "("))
              .ifAll("()")),
      Rule.keepPrefix("sql-compare", "(?i)((?:[=<>]|\\blike)\\s{0,4})"
          + "(?:'(?:[^'\\\\\\n]|\\\\.|''){1,1024}'|\"[^\"\\n]{1,1024}\")", "'[value]'")
          .startingAt(quoteAfter("=", false).or(quoteAfter("<", false))
              .or(quoteAfter(">", false)).or(quoteAfter("like", true)).ifAny("'\"")));

  /** @return starts at the operator when a quote follows it after at most four spaces. */
  private static Starts quoteAfter(String operator, boolean ignoreCase) {
    return Starts.near(operator, ignoreCase, (s, at, out) -> {
      if (Starts.afterSpaces(s, at + operator.length(), 4, "'\"")) {
        out.add(at, at + 1);
      }
    });
  }

  /** @return false when the text cannot pass {@link #looksLikeSql}: every verb has an 'e'. */
  static boolean mayBeSql(ScannedText text) {
    return text.mayContain(" e");
  }

  /** @param folded the text with ASCII letters in lower case ({@link ScannedText#folded}) */
  static boolean looksLikeSql(String folded) {
    boolean verb = folded.contains("select") || folded.contains("insert")
        || folded.contains("update") || folded.contains("delete");
    return verb && (folded.contains(" from ") || folded.contains(" into ")
        || folded.contains(" set ") || folded.contains(" where ") || folded.contains(" values"));
  }
}

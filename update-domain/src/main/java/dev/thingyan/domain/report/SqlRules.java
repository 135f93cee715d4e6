package dev.thingyan.domain.report;

import java.util.List;
import java.util.Locale;

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
          + "\\([^()\\n]{1,1024}\\)", "([value])").when("key"));

  /** Applied only to text that looks like SQL, where {@code in (…)} is not plain English. */
  static final List<Rule> IN_SQL = List.of(
      Rule.keepPrefix("sql-values", "(?i)(\\bvalues\\s{0,4})" + ROW + "(?:\\s{0,4},\\s{0,4}" + ROW
          + "){0,1000}", "([values])").when("values"),
      Rule.keepPrefix("sql-in-list", "(?i)(\\bin\\s{0,4})\\([^()]{1,4096}\\)", "([values])")
          .when("in"),
      Rule.keepPrefix("sql-compare", "(?i)((?:[=<>]|\\blike)\\s{0,4})"
          + "(?:'(?:[^'\\\\\\n]|\\\\.|''){1,1024}'|\"[^\"\\n]{1,1024}\")", "'[value]'")
          .when("'", "\""));

  static boolean looksLikeSql(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    boolean verb = lower.contains("select") || lower.contains("insert") || lower.contains("update")
        || lower.contains("delete");
    return verb && (lower.contains(" from ") || lower.contains(" into ") || lower.contains(" set ")
        || lower.contains(" where ") || lower.contains(" values"));
  }
}

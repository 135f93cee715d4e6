package dev.thingyan.domain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Redacts one free text by value: credentials, SQL literals and guest data are replaced by tokens
 * such as {@code [email]} or {@code [phone]}. Total and pure: any string in, a string out, never
 * more than {@code 3 × length + 16} characters (the shortest match, {@code pwd=1}, becomes
 * {@code pwd=[secret]}). What it cannot see is a guest's name in prose: names have no shape, so
 * they are caught only by key ({@link SensitiveKeys}) or inside SQL ({@link SqlRules}).
 */
public final class TextRedactor {

  private final List<Rule> always;

  public TextRedactor() {
    List<Rule> rules = new ArrayList<>(SecretRules.RULES);
    rules.addAll(SqlRules.ALWAYS);
    rules.addAll(PiiRules.RULES);
    this.always = List.copyOf(rules);
  }

  /** @return the text with every recognised secret and personal value replaced by a token. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    String lower = text.toLowerCase(Locale.ROOT);
    if (SqlRules.looksLikeSql(lower)) {
      for (Rule rule : SqlRules.IN_SQL) {
        out = rule.apply(out, lower);
      }
    }
    for (Rule rule : always) {
      // a replaced text holds only tokens more, which trigger nothing: lower stays good enough
      out = rule.apply(out, lower);
    }
    return out;
  }
}

package dev.thingyan.domain.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Redacts one free text by value: credentials, SQL literals and guest data are replaced by tokens
 * such as {@code [email]} or {@code [phone]}. Total and pure: any string in, a string out, never
 * more than {@code 3 × length + 16} characters (the shortest match, {@code pwd=1}, becomes
 * {@code pwd=[secret]}). What it cannot see is a guest's name in prose: names have no shape, so
 * they are caught only by key ({@link SensitiveKeys}) or inside SQL ({@link SqlRules}).
 *
 * <p>Fast on harmless text: one pass over the characters ({@link ScannedText}) tells most rules
 * that they cannot match, and the others try their pattern only where a match can start
 * ({@link Starts}), so a stack trace full of line numbers costs little more than reading it.
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
    ScannedText scanned = new ScannedText(text);
    StartRanges ranges = new StartRanges();
    if (SqlRules.mayBeSql(scanned) && SqlRules.looksLikeSql(scanned.folded())) {
      scanned = applyAll(SqlRules.IN_SQL, scanned, ranges);
    }
    return applyAll(always, scanned, ranges).text();
  }

  private static ScannedText applyAll(List<Rule> rules, ScannedText scanned,
      StartRanges ranges) {
    ScannedText current = scanned;
    for (Rule rule : rules) {
      current = rule.apply(current, ranges);
    }
    return current;
  }

  /** The same redaction with every pattern tried at every position: what tests compare with. */
  static String redactEverywhere(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    if (SqlRules.looksLikeSql(ScannedText.fold(text))) {
      for (Rule rule : SqlRules.IN_SQL) {
        out = rule.applyEverywhere(out);
      }
    }
    for (Rule rule : new TextRedactor().always) {
      out = rule.applyEverywhere(out);
    }
    return out;
  }
}

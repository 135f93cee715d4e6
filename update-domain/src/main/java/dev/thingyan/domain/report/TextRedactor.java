package dev.thingyan.domain.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Redacts one free text: credentials, SQL literals and guest data are replaced by tokens such as
 * {@code [email]} or {@code [phone]}. Total and pure: any string in, a string out. Passes, in
 * order: PEM and MRZ blocks ({@link BlockRules}); encoded runs decoded and redacted whole
 * ({@link EncodedText}); values under secret or personal keys in any syntax
 * ({@link KeyValueText}); values by shape ({@link SecretRules}, {@link SqlRules},
 * {@link PiiRules}, {@link PhoneNumbers}); names in prose after an honorific or a role word, or
 * made of Myanmar name syllables ({@link NameRules}). A name in prose without any of these is
 * what it cannot see.
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
    return redact(text, false);
  }

  private String redact(String text, boolean everywhere) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String structured = BlockRules.redact(text);
    structured = EncodedText.redact(structured, t -> redactDecoded(t, everywhere));
    return redactDecoded(structured, everywhere);
  }

  /**
   * The passes after decoding, in order: keys first (they know what a value is, whatever its
   * shape), then shapes (secrets, SQL literals, documents, phones), then names in prose.
   */
  private String redactDecoded(String text, boolean everywhere) {
    String keyed = SqlColumns.redact(KeyValueText.redact(BlockRules.redact(text)));
    String shaped = everywhere ? shapesEverywhere(keyed) : shapes(keyed);
    return NameRules.redact(PhoneNumbers.redact(shaped));
  }

  private String shapes(String text) {
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

  private String shapesEverywhere(String text) {
    String out = text;
    if (SqlRules.looksLikeSql(ScannedText.fold(text))) {
      for (Rule rule : SqlRules.IN_SQL) {
        out = rule.applyEverywhere(out);
      }
    }
    for (Rule rule : always) {
      out = rule.applyEverywhere(out);
    }
    return out;
  }

  /**
   * The same redaction with every shape pattern tried at every position, not only where its
   * {@link Starts} says a match can start: what tests compare with.
   */
  static String redactEverywhere(String text) {
    return new TextRedactor().redact(text, true);
  }
}

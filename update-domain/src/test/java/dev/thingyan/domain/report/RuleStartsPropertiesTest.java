package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The prefilters ({@link ScannedText}, {@link Starts}) only save time: every rule, and the whole
 * redactor, gives exactly what its patterns give when tried at every position. Texts are built
 * from the pieces the prefilters look at (key words, operators, digits in runs, spaces, quotes,
 * Burmese, surrogate pairs) and from generated personal data, so that near misses on each side
 * of every necessary condition are common.
 */
class RuleStartsPropertiesTest {
  private static final List<Rule> RULES = RuleStartsTest.rules();

  @Property(tries = 3000)
  void everyRuleFindsWhatItsPatternFindsEverywhere(@ForAll("soup") String text) {
    ScannedText scanned = new ScannedText(text);
    for (Rule rule : RULES) {
      assertThat(rule.apply(scanned).text()).as(rule.name())
          .isEqualTo(rule.applyEverywhere(text));
    }
  }

  @Property(tries = 1000)
  void factsCarriedOverReplacementsOverstateTheText(@ForAll("soup") String text) {
    ScannedText current = new ScannedText(text);
    for (Rule rule : RULES) {
      current = rule.apply(current);
      ScannedText fresh = new ScannedText(current.text());
      assertThat(current.digits()).isGreaterThanOrEqualTo(fresh.digits());
      assertThat(current.mayContain(current.text())).isTrue();
      // a lower-case copy carried over is the lower-case copy of the new text
      assertThat(current.folded()).isEqualTo(ScannedText.fold(current.text()));
    }
  }

  @Property(tries = 2000)
  void theRedactorEqualsItsPatternsTriedEverywhere(@ForAll("soup") String text) {
    assertThat(new TextRedactor().redact(text)).isEqualTo(TextRedactor.redactEverywhere(text));
  }

  @Property(tries = 1000)
  void theGateNeverSkipsPersonalData(@ForAll("soup") String before, @ForAll("pii") String pii,
      @ForAll("soup") String after) {
    // " ; " on each side, which no number is written with: data glued to other digits is a
    // longer number (a phone after "95 "), not that data
    String text = before + " ; " + pii + " ; " + after;
    String out = new TextRedactor().redact(text);
    // the soup may hold the same data glued to other digits: look at this occurrence only
    assertThat(out).isEqualTo(TextRedactor.redactEverywhere(text))
        .doesNotContain(" ; " + pii + " ; ");
  }

  @Property(tries = 1000)
  void anyUnicodeGivesTheSameAsEverywhere(@ForAll("unicode") String text) {
    assertThat(new TextRedactor().redact(text)).isEqualTo(TextRedactor.redactEverywhere(text));
  }

  @Example
  void theCorpusGivesTheSameAsEverywhere() throws IOException {
    List<String> cases = new ArrayList<>(RedactionCorpusTest.cases("negative"));
    RedactionCorpusTest.cases("positive").forEach(c -> cases.add(c.replace("⟦", "")
        .replace("⟧", "")));
    for (String c : cases) {
      assertThat(new TextRedactor().redact(c)).isEqualTo(TextRedactor.redactEverywhere(c));
    }
  }

  @Provide
  Arbitrary<String> soup() {
    Arbitrary<String> piece = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(PIECES)),
        Tuple.of(2, shapes()),
        Tuple.of(2, digits()),
        Tuple.of(1, PiiArbitraries.anyPii()),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(3)));
    return piece.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> pii() {
    return PiiArbitraries.anyPii();
  }

  @Provide
  Arbitrary<String> unicode() {
    return Arbitraries.strings().all().ofMaxLength(300);
  }

  /**
   * What each rule's pattern looks for, with 0-6 spaces wherever the pattern allows some, keys
   * of every length and any case: the edges of each finder's necessary condition.
   */
  private static Arbitrary<String> shapes() {
    Arbitrary<String> spaces = Arbitraries.strings().withChars(" \t\n").ofMaxLength(6);
    Arbitrary<String> word = Arbitraries.strings().withChars("aZ09_-").ofMaxLength(40);
    Arbitrary<String> maybe = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just("")),
        Tuple.of(1, word));
    Arbitrary<String> key = Arbitraries.of(SECRET_AND_PII_KEYS);
    Arbitrary<String> suffix = Arbitraries.of("", "_confirmation", "-encrypted", "id", "_value");
    Arbitrary<String> quote = Arbitraries.of("", "\"", "'");
    return Arbitraries.oneOf(
        // key-value secret: prefix, key, suffix, quote, spaces, separator, spaces, value
        Combinators.combine(maybe, key, suffix, quote, spaces, Arbitraries.of(":", "="),
            spaces, word).as((a, b, c, d, e, f, g, h) -> a + b + c + d + e + f + g + h),
        // query parameter
        Combinators.combine(Arbitraries.of("?", "&", ";", "/"), maybe, key, suffix,
            maybe).as((a, b, c, d, e) -> a + b + c + d + "=" + e),
        // SQL: in (…), like '…', = '…', values (…), key (…)=(…)
        Combinators.combine(Arbitraries.of(" in", " IN", " like", " LIKE", " =",
            " <", " >", " values", " key", " Key"), spaces, Arbitraries.of("(", "'", "\""), word,
            Arbitraries.of(")", "'", "\"", ")=(x)", ") = (x)"))
            .as((a, b, c, d, e) -> a + b + c + d + e),
        // NRC: 1-3 digits, spaces, slash, spaces, letters, (letters), 4-7 digits
        Combinators.combine(digitsOf(1, 3), spaces, spaces,
            Arbitraries.of("OUKAMA", "ဥကမ", "Ab"), spaces, Arbitraries.of("(N)", "N", "( နိုင် )"),
            spaces, digitsOf(4, 7)).as((a, b, c, d, e, f, g, h) -> a + b + "/" + c + d + e + f
                + g + h),
        // well-known tokens, JWTs and bearer tokens of every length around their minimum
        Combinators.combine(Arbitraries.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "ghx_",
            "github_pat_", "AKIA", "sk_live_", "sk_test_", "xoxa-", "xoxb-", "xoxp-", "xoxr-",
            "eyJ", "bearer", "Bearer\t", "BEARER  "), Arbitraries.oneOf(
                Arbitraries.strings().withChars("aZ09").ofMinLength(8).ofMaxLength(45),
                Arbitraries.strings().withChars("AZ09").ofMinLength(14).ofMaxLength(18),
                Arbitraries.strings().withChars("aZ09_.-").ofMinLength(4).ofMaxLength(40)))
            .as((a, b) -> a + b),
        // URL with user info, scheme of 0-20 characters
        Combinators.combine(Arbitraries.strings().withChars("aZ9+.-").ofMaxLength(20),
            word, word, Arbitraries.of("@", "/@", " @", ""))
            .as((a, b, c, d) -> a + "://" + b + ":" + c + d));
  }

  private static Arbitrary<String> digitsOf(int min, int max) {
    Arbitrary<String> latin = Arbitraries.strings().numeric().ofMinLength(min).ofMaxLength(max);
    return Arbitraries.oneOf(latin, latin.map(PiiArbitraries::toBurmese));
  }

  private static final List<String> SECRET_AND_PII_KEYS = List.of("password", "PASSWD", "pwd",
      "passphrase", "secret", "token", "api_key", "api-key", "apikey", "access_key", "private-key",
      "authorization", "auth", "cookie", "set-cookie", "session", "session_id", "credential",
      "credentials", "client_secret", "Client-Secret", "sig", "signature", "key", "code", "otp",
      "email", "e-mail", "phone", "mobile", "tel", "name", "guest_name", "firstname", "last_name",
      "nrc", "passport", "dob", "address", "card", "card_number", "cardnumber");

  private static Arbitrary<String> digits() {
    Arbitrary<String> latin = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20);
    return Arbitraries.oneOf(latin, latin.map(PiiArbitraries::toBurmese));
  }

  private static final List<String> PIECES = List.of("password", "Passwd", "pwd", "passphrase",
      "secret", "TOKEN", "token", "api_key", "ACCESS-KEY", "private_key", "authorization", "Auth",
      "cookie", "set-cookie", "session_id", "credentials", "client_secret", "_confirmation",
      "_hash", "x1", "db", "bearer ", "Bearer  ", "basic ", "eyJ", "eyJhbGciOiJIUzI1NiJ9", ".",
      "ghp_", "gho_x", "github_pat_", "AKIA", "sk_live_", "sk_test_", "xoxb-", "https://",
      "jdbc:postgresql://", "user:pw@", "://", "@", "?", "&", ";", "=", ":", " ", "   ", "\t",
      "\n", "\r", "\u000B", "\"", "'", "''", "\\", "(", ")", "（", "）", "[", "]", "{", "}", ",",
      "<", ">", "key", "KEY", "Key (id)=", "values", "VALUES", " in ", "IN", "like", "LIKE",
      "select * from t where ", "insert into t ", "update t set ", "delete from t where ",
      "passport", "PASSPORT no", "ပတ်စ်ပို့", "ပတ်စပို့", "no.", "#", "M", "MA", "MC", "/",
      "OUKAMA", "(N)", "ဥကမ", "(နိုင်)", "+", "+95", "(+95)", "0095", "95", "၉၅", "09", "၀၉",
      "9", "၉", "-", "--", "abcdef", "ABCD", "[secret]", "[token]", "[value]", "[redacted]", "é",
      "İ", "\u212A", "😀", "\u0307", "က", "ေ", "ာ", "%", "_", "mgmg", "gmail.com", ".co", "x",
      "Z", "e-mail", "phone", "guest_name", "card_number", "sig", "otp", "code", "at ",
      "Foo.java:41", "#0 /var/www/a.php(12): ");
}

package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One example of every rule and alternative, found through the prefilters as everywhere. */
class RuleStartsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"see https://svc:hunter2@db.internal/x",
      "GET /a?client_secret_confirmation=x", "GET /a;e-mail=a", "x_private_key_encrypted = 'v'",
      "{\"Session-Id\": \"abc\"}",
      "Authorization: Basic dXNlcjpwYXNz", "sent BEARER\tabcdefgh12345678",
      "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "aws AKIAIOSFODNN7EXAMPLE ok",
      "ghr_abcdefghijklmnopqrstuvwxyz0123456789", "github_pat_abcdefghijklmnopqrstuvwxyz0123",
      "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "slack xoxp-1234567890-abc",
      "Key (email)=(a@b.co) already exists", "insert into t (a) values ('x'), ('y')",
      "select * from t where id in  ('a', 2)", "select * from t where a LIKE  'x%'",
      "update t set a = \"x\" where b >= 'y'", "mail a%b@x.io", "NRC 12 / OUKAMA (N) 123456",
      "၁၂/ဥကမ(နိုင်)၁၂၃၄၅၆", "passport MA1234567", "Passport No: AB1234567",
      "ပတ်စပို့ AB123456", "card 4111-1111-1111-1111", "call (+95) 9 123 456 789",
      "call 0095 9.123.456.789", "ဖုန်း +၉၅ ၉ ၁၂၃ ၄၅၆ ၇၈၉", "US +1 (555) 123-4567"})
  void everyRuleFindsItsExample(String text) {
    ScannedText scanned = new ScannedText(KeyValueText.redact(text));
    for (Rule rule : rules()) {
      assertThat(rule.apply(scanned).text()).as(rule.name())
          .isEqualTo(rule.applyEverywhere(scanned.text()));
    }
    assertThat(new TextRedactor().redact(text)).isNotEqualTo(text)
        .isEqualTo(TextRedactor.redactEverywhere(text));
  }

  @Test
  void scansCharactersDigitsAndCase() {
    ScannedText t = new ScannedText("Room ၄၁၂ = 12 @X");
    assertThat(t.digits()).isEqualTo(5);
    assertThat(t.mayContain("room")).isTrue();
    assertThat(t.mayContain("@x=")).isTrue();
    assertThat(t.mayContain("key")).isFalse();
    assertThat(t.mayContain("ပ")).isTrue();
    assertThat(new ScannedText("plain").mayContain("ပ")).isFalse();
    assertThat(t.folded()).isEqualTo("room ၄၁၂ = 12 @x").hasSameSizeAs(t.text());
    assertThat(ScannedText.fold("İK\u212A")).isEqualTo("İk\u212A");
  }

  @Test
  void rangesAreClippedAndSorted() {
    StartRanges r = new StartRanges().reset(10);
    r.add(7, 20);
    r.add(-5, 2);
    r.add(4, 4);
    r.sort();
    assertThat(r.size()).isEqualTo(2);
    assertThat(List.of(r.from(0), r.to(0), r.from(1), r.to(1))).containsExactly(0, 2, 7, 10);
    assertThat(r.reset(5).isEmpty()).isTrue();
  }

  @Test
  void aRuleWithoutFinderTriesEveryPosition() {
    Rule digits = Rule.replaceWith("digits", "[0-9]+", "<n>");
    assertThat(digits.apply("a1b22")).isEqualTo("a<n>b<n>");
  }

  static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>(SecretRules.RULES);
    rules.addAll(SqlRules.ALWAYS);
    rules.addAll(SqlRules.IN_SQL);
    rules.addAll(PiiRules.RULES);
    return List.copyOf(rules);
  }
}

package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the text redactor over arbitrary Unicode and generated personal data. */
class RedactorPropertiesTest {
  private final TextRedactor redactor = new TextRedactor();

  @Property(tries = 2000)
  void neverThrowsAndNeverGrowsUnboundedly(@ForAll("anyText") String text) {
    String out = redactor.redact(text);
    assertThat(out.length()).isLessThanOrEqualTo(3 * text.length() + 16);
  }

  @Property(tries = 2000)
  void leavesNoPiiWherever(@ForAll("anyText") String before, @ForAll("pii") String pii,
      @ForAll("anyText") String after) {
    // a space on each side: PII glued to a random digit is a longer number, not that PII
    String out = redactor.redact(before + " " + pii + " " + after);
    assertThat(out).doesNotContain(pii);
  }

  @Property(tries = 500)
  void leavesNoPiiInsideBurmeseText(@ForAll("burmese") String before, @ForAll("pii") String pii,
      @ForAll("burmese") String after) {
    assertThat(redactor.redact(before + pii + " " + after)).doesNotContain(pii);
  }

  @Property(tries = 300)
  void isIdempotent(@ForAll("anyText") String before, @ForAll("pii") String pii) {
    String once = redactor.redact(before + " " + pii);
    assertThat(redactor.redact(once)).isEqualTo(once);
  }

  @Provide
  Arbitrary<String> anyText() {
    // all of Unicode, and a mix weighted towards the characters the patterns look at
    Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(200);
    Arbitrary<String> tricky = Arbitraries.strings()
        .withChars("09၀၉+-() .@/=:'\"[]?&aZ_\\\nMN")
        .withCharRange('\u1000', '\u104F').ofMaxLength(200);
    return Arbitraries.oneOf(unicode, tricky);
  }

  @Provide
  Arbitrary<String> burmese() {
    return Arbitraries.strings().withCharRange('\u1000', '\u103F').withChars(' ', '။', '၊')
        .ofMaxLength(60).map(s -> s.isEmpty() ? s : s + " ");
  }

  @Provide
  Arbitrary<String> pii() {
    return PiiArbitraries.anyPii();
  }
}

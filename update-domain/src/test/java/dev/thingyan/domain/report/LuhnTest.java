package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LuhnTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      4111 1111 1111 1111                     | [card]
      7 4111 1111 1111 1111                   | 7 [card]
      0000 4000 0000 0000 0002                | 0000 [card]
      4111 1111 1111 1111 4000 0000 0000 0002 | [card][card]
      4111111111111112                        | 4111111111111112
      1111-2222-3333-4444-5555                | 1111-2222-3333-4444-5555
      00000000-1111-2222-3333-444444444444    | 00000000-1111-2222-3333-444444444444
      """)
  void findsCardsAtAnyGroupBoundary(String run, String expected) {
    assertThat(Luhn.redactCards(run)).isEqualTo(expected);
  }

  @Property(tries = 500)
  void aCardAfterOtherDigitGroupsIsStillRedacted(@ForAll("groups") String before,
      @ForAll("cards") String card) {
    String text = "paid " + before + card + " ok";
    assertThat(new TextRedactor().redact(text)).doesNotContain(card);
  }

  @Provide
  Arbitrary<String> groups() {
    return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4).map(g -> g + " ")
        .list().ofMaxSize(6).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> cards() {
    return PiiArbitraries.cards();
  }
}

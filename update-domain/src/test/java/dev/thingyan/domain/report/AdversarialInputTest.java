package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A megabyte of input built to make a backtracking pattern explode. Linear patterns take a few
 * hundred milliseconds here; a catastrophic one would take minutes, so the 5 s bound leaves room
 * for a slow, cold CI machine without hiding the difference.
 */
class AdversarialInputTest {
  private static final int MB = 1 << 20;
  private static final Duration LIMIT = Duration.ofSeconds(5);
  private final TextRedactor redactor = new TextRedactor();

  @ParameterizedTest
  @ValueSource(strings = {"a", "0", "၀", "a@", "a.", "@a.", "0 ", "09 ", "+9", "1/", "1/A(",
      "password=", "Bearer ", "eyJ", "?token=", "'", "values (", "(", "x://a:", "M1"})
  void redactsAMegabyteQuickly(String unit) {
    String text = "select * from t where " + unit.repeat(MB / unit.length());
    assertThatCode(() -> {
      long start = System.nanoTime();
      String out = redactor.redact(text);
      assertThat(out.length()).isLessThanOrEqualTo(3 * text.length() + 16);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LIMIT);
    }).doesNotThrowAnyException();
  }

  @Test
  void parsesTrimsAndFingerprintsAHostileTraceQuickly() {
    String line = "\tat " + "a(".repeat(10_000) + ":1:2)\n";
    String trace = line.repeat(20) + "#1 " + "x(".repeat(100_000) + "\n";
    long start = System.nanoTime();
    new TraceTrimmer(InAppRules.DEFAULT, List.of("/srv/")).trim(trace, 60_000);
    StackTraceParser.parse(trace);
    MessageNormalizer.normalize("/a".repeat(MB / 2));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LIMIT);
  }
}

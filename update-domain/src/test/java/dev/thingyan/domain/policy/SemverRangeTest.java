package dev.thingyan.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.Version;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemverRangeTest {

  @ParameterizedTest
  @CsvSource({
      "'>=1.2.0 <2.0.0', 1.2.0, true", "'>=1.2.0 <2.0.0', 2.0.0, false", "'>=1.2.0 <2.0.0', 1.1.9, false",
      "^1.2.0, 1.9.9, true", "^1.2.0, 2.0.0, false", "^0.2.3, 0.2.9, true", "^0.2.3, 0.3.0, false",
      "~1.2.0, 1.2.7, true", "~1.2.0, 1.3.0, false", "1.x, 1.7.0, true", "1.x, 2.0.0, false",
      "1.2, 1.2.5, true", "*, 9.9.9, true", "'<1.0.0 || >=3.0.0', 3.1.0, true", "'<1.0.0 || >=3.0.0', 2.0.0, false",
      "=1.2.3, 1.2.3, true", "1.2.3, 1.2.4, false", "'>=1.2.0', 1.3.0-rc.1, true"})
  void matches(String range, String version, boolean expected) {
    assertThat(SemverRange.parse(range).contains(Version.parse(version))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"'>=banana'", "'^1.2.3.4.5'"})
  void unreadableRangesAreRefusedNamingTheField(String range) {
    assertThatThrownBy(() -> SemverRange.parse(range)).hasMessageContaining("upgrade_from");
  }
}

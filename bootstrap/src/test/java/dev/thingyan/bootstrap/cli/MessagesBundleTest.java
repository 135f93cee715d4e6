package dev.thingyan.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.config.Language;
import dev.thingyan.ports.model.RunState;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesBundleTest {
  // Unicode puts the vowel sign E (U+1031) after its consonant; Zawgyi types it first
  private static final Pattern ZAWGYI_ORDER = Pattern.compile("(^|[^\\u1000-\\u109F])\\u1031");

  private static ResourceBundle bundle(Language l) {
    return Messages.of(l).bundle();
  }

  private static Set<String> keys(Language l) {
    return new TreeSet<>(Collections.list(bundle(l).getKeys()));
  }

  @Test
  void bothLanguagesHaveTheSameKeysAndNoEmptyValue() {
    assertThat(keys(Language.MY)).isEqualTo(keys(Language.EN)).hasSizeGreaterThan(60);
    for (Language l : Language.values()) {
      ResourceBundle b = bundle(l);
      for (String key : keys(l)) {
        assertThat(b.getString(key)).as(l + " " + key).isNotBlank();
        assertThat(new MessageFormat(b.getString(key)).getFormats()).as(l + " " + key).isNotNull();
      }
    }
  }

  @Test
  void everyStateHasALabelAndBurmeseLabelsAreInMyanmarScript() {
    for (RunState s : RunState.values()) {
      assertThat(bundle(Language.EN).getString("state." + s.wireName())).isEqualTo(s.wireName());
      assertThat(bundle(Language.MY).getString("state." + s.wireName()))
          .containsPattern("[\\u1000-\\u109F]");
    }
    assertThat(Messages.of(Language.MY).state(RunState.ROLLBACK_RUNNING))
        .isEqualTo("rollback_running · နောက်ပြန်လှည့်နေသည်");
  }

  @Test
  void burmeseTextIsUnicodeNotZawgyi() {
    ResourceBundle my = bundle(Language.MY);
    for (String key : keys(Language.MY)) {
      assertThat(ZAWGYI_ORDER.matcher(my.getString(key)).find()).as(key).isFalse();
    }
  }
}

package dev.thingyan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecheckReasonConfigTest {
  @TempDir Path dir;

  private static String withCheck(String reason) {
    return ConfigFiles.MINIMAL + """
        prechecks:
          app:
            - name: open_folios
              sql: "SELECT id FROM folios WHERE balance <> 0"
        """ + reason;
  }

  private ConfigException refused(String yaml) {
    Path file = ConfigFiles.write(dir, yaml);
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
    assertThat(e).as("the configuration should have been refused").isNotNull();
    return e;
  }

  @Test
  void theExampleCarriesBothLanguages() {
    ThingyanConfig config = ConfigLoader.load(ConfigFiles.example());

    AppPrecheck folios = config.prechecks().app().get(0);
    assertThat(folios.blocking()).isTrue();
    assertThat(folios.reason()).isPresent();
    assertThat(folios.reason().get().in(Language.MY)).matches(".*[\\u1000-\\u109F].*")
        .contains("folio");
    assertThat(folios.reason().get().in(Language.EN)).contains("balance");
  }

  @Test
  void aReasonIsOptionalAndReadInBothLanguages() {
    assertThat(ConfigLoader.load(ConfigFiles.write(dir, withCheck(""))).prechecks().app().get(0)
        .reason()).isEmpty();

    ThingyanConfig config = ConfigLoader.load(ConfigFiles.write(dir, withCheck("""
              reason:
                my: "ငွေမရှင်းရသေးသော folio ရှိနေသည်"
                en: "An open folio still has a balance"
        """)));

    PrecheckReason reason = config.prechecks().app().get(0).reason().orElseThrow();
    assertThat(reason.in(Language.MY)).isEqualTo("ငွေမရှင်းရသေးသော folio ရှိနေသည်");
    assertThat(reason.in(Language.EN)).isEqualTo("An open folio still has a balance");
  }

  @Test
  void oneLanguageAloneIsRefused() {
    ConfigException e = refused(withCheck("""
              reason:
                en: "An open folio still has a balance"
        """));

    assertThat(e.problems()).singleElement().asString()
        .contains("prechecks.app[0].reason.my").contains("missing");
  }

  @Test
  void aBurmeseReasonMustBeInBurmese() {
    ConfigException e = refused(withCheck("""
              reason:
                my: "An open folio still has a balance"
                en: "An open folio still has a balance"
        """));

    assertThat(e.problems()).singleElement().asString()
        .contains("prechecks.app.reason.my").contains("Burmese");
  }

  @Test
  void aPlainStringOrAnUnknownLanguageIsRefused() {
    assertThat(refused(withCheck("      reason: open folios\n")).problems()).singleElement()
        .asString().contains("prechecks.app[0].reason").contains("Burmese and in English");

    assertThat(refused(withCheck("""
              reason:
                my: "ငွေမရှင်းရသေးသော folio ရှိနေသည်"
                en: "An open folio still has a balance"
                fr: "Un folio ouvert"
        """)).problems()).singleElement().asString()
        .contains("prechecks.app[0].reason.fr").contains("unknown key");
  }
}

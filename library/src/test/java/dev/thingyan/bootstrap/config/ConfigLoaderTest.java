package dev.thingyan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.thingyan.ports.model.HookPhase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private ConfigException refused(String yaml) {
    Path file = ConfigFiles.write(dir, yaml);
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
    assertThat(e).as("the configuration should have been refused").isNotNull();
    return e;
  }

  @Test
  void theExampleFileLoads() {
    ThingyanConfig config = ConfigLoader.load(ConfigFiles.example());

    assertThat(config.app().root()).isEqualTo(Path.of("/srv/pms"));
    assertThat(config.app().profile()).isEqualTo(Profile.LARAVEL);
    assertThat(config.source()).isInstanceOf(SourceConfig.GitHub.class);
    assertThat(((SourceConfig.GitHub) config.source()).repo()).isEqualTo("acme/pms");
    assertThat(config.verify().publicKeys()).hasSize(1);
    assertThat(config.health().checks()).hasSize(4);
    assertThat(config.prechecks().app()).extracting(AppPrecheck::name)
        .containsExactly("open_folios", "checkin_in_progress");
    assertThat(config.backup().keep()).isEqualTo(5);
    assertThat(config.hooks().of(HookPhase.WARM)).hasSize(4);
    assertThat(config.hooks().of(HookPhase.WARM).get(3).timeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.language()).isEqualTo(Language.MY);
  }

  @Test
  void minimalFileGetsTheDefaults() {
    ThingyanConfig config = ConfigLoader.load(ConfigFiles.write(dir, ConfigFiles.MINIMAL));

    assertThat(config.app().profile()).isEqualTo(Profile.GENERIC);
    assertThat(config.app().packageAssets()).containsExactly("*.tar.gz", "*.zip");
    assertThat(config.journal().url())
        .isEqualTo("jdbc:h2:file:/srv/pms/.thingyan/journal;AUTO_SERVER=TRUE");
    assertThat(config.backup().localPath()).isEqualTo(Path.of("/srv/pms/.thingyan/backups"));
    assertThat(config.backup().keep()).isEqualTo(3);
    assertThat(config.releasesKeep()).isEqualTo(5);
    assertThat(config.lockLease()).isEqualTo(Duration.ofHours(6));
    assertThat(config.health().retries()).isEqualTo(10);
    assertThat(config.health().interval()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.health().timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.health().failFast()).isTrue();
    assertThat(config.prechecks().minFreeDiskBytes()).isEqualTo(2_000_000_000L);
    assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:sqlite:" + dir.resolve("db.sqlite"));
    assertThat(((SourceConfig.GitHub) config.source()).apiUrl()).hasToString("https://api.github.com");
    assertThat(config.hooks().phases().values()).allMatch(java.util.List::isEmpty);
  }

  @Test
  void failFastCanBeTurnedOff() {
    ThingyanConfig config = ConfigLoader.load(ConfigFiles.write(dir, ConfigFiles.MINIMAL.replace(
        "checks: [{type: database}]", "checks: [{type: database}]\n  fail_fast: false")));

    assertThat(config.health().failFast()).isFalse();
  }

  @Test
  void everyMissingRequiredKeyIsNamedInOneMessage() {
    ConfigException e = refused("ui:\n  language: en\n");

    assertThat(e.problems()).hasSize(5);
    assertThat(e.getMessage())
        .contains("5 problems")
        .contains("verify.public_keys: no key configured")
        .contains("app.root: missing; the folder holding releases/")
        .contains("source.type: missing; expected github or folder")
        .contains("health.checks: missing;")
        .contains("database: missing;");
  }

  @Test
  void wrongValuesAreNamedWithTheirFix() {
    ConfigException e = refused(ConfigFiles.MINIMAL.replace("repo: acme/pms", "repo: pms")
        + "lock:\n  lease: soon\nui:\n  language: fr\nreleases:\n  keep: many\n");

    assertThat(e.getMessage())
        .contains("source.github.repo: 'pms' is not valid: it must have exactly one '/'; expected owner/name")
        .contains("lock.lease: 'soon' is not valid; expected a duration such as 90s")
        .contains("ui.language: 'fr' is not valid; expected my or en")
        .contains("releases.keep: expected a whole number");
  }

  @Test
  void anUnknownKeyIsRefusedWithASuggestion() {
    ConfigException e = refused(ConfigFiles.MINIMAL.replace("repo: acme/pms",
        "repo: acme/pms\n    repos: acme/other") + "colour: blue\n");

    assertThat(e.getMessage())
        .contains("source.github.repos: unknown key (did you mean 'repo'?)")
        .contains("colour: unknown key");
  }

  @Test
  void keepingFewerThanThreeBackupsIsRefused() {
    ConfigException e = refused(ConfigFiles.MINIMAL + "backup:\n  keep: 2\n");

    assertThat(e.problems()).containsExactly(
        "backup.keep: 2 is too few; keep at least 3 backups, so that a damaged or unwanted"
        + " newest backup still leaves two older ones to restore from");
  }

  @Test
  void withoutAKeyUnsignedReleasesMustBeAllowedExplicitly() {
    ConfigException e = refused(ConfigFiles.MINIMAL.replace("  allow_unsigned: true\n", "  public_keys: []\n"));

    assertThat(e.problems()).containsExactly("verify.public_keys: no key configured; add the release"
        + " signing key or set verify.allow_unsigned: true (not recommended)");
  }

  @Test
  void aKeyIsReadFromAPubFileAndAMalformedOneRefused() throws Exception {
    String key = "RWQN8g5zPikScHxiUAXOSfuB8CWWVQ8jtK70ZlbmcXxjoq9+7E21F2X9";
    java.nio.file.Files.writeString(dir.resolve("release.pub"),
        "untrusted comment: minisign public key 7012293E730EF20D\n" + key + "\n");
    String verify = "verify:\n  public_keys: [file:release.pub]\n";
    ThingyanConfig config = ConfigLoader.load(ConfigFiles.write(dir,
        ConfigFiles.MINIMAL.replace("verify:\n  allow_unsigned: true\n", verify)));
    assertThat(config.verify().publicKeys()).containsExactly(key);

    ConfigException e = refused(ConfigFiles.MINIMAL.replace("verify:\n  allow_unsigned: true\n",
        "verify:\n  public_keys: [not-a-key]\n"));
    assertThat(e.getMessage()).contains("verify.public_keys: 'not-a-key' is not a minisign public key");
  }

  @Test
  void aKeyGivenTwiceIsRefused() {
    ConfigException e = refused(ConfigFiles.MINIMAL + "ui:\n  language: en\nui:\n  language: my\n");

    assertThat(e.getMessage()).contains("not valid YAML").contains("'ui' is given twice")
        .contains("line 16");
  }

  @Test
  void aMissingFileSaysHowToProvideOne() {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("absent.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("absent.yaml: 1 problem")
        .hasMessageContaining("--config FILE");
  }
}

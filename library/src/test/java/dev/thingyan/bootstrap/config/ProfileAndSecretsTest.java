package dev.thingyan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.thingyan.ports.model.HookCommand;
import dev.thingyan.ports.model.HookPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileAndSecretsTest {
  @TempDir Path dir;

  private ThingyanConfig load(String yaml) {
    return ConfigLoader.load(ConfigFiles.write(dir, yaml));
  }

  private static String runs(ThingyanConfig c, HookPhase phase) {
    return String.join(" | ", c.hooks().of(phase).stream().map(HookCommand::run).toList());
  }

  @Test
  void laravelProfileFillsInTheHooksAndSharedPaths() {
    ThingyanConfig c = load(ConfigFiles.MINIMAL.replace("root: /srv/pms",
        "root: /srv/pms\n  profile: laravel\n  php_fpm_reload: sudo systemctl reload php8.2-fpm"));

    assertThat(c.app().sharedPaths()).containsExactly(".env", "storage");
    HookCommand install = c.hooks().of(HookPhase.INSTALL).get(0);
    assertThat(install.run()).isEqualTo(
        "composer install --no-dev --prefer-dist --no-interaction --optimize-autoloader");
    assertThat(install.onlyIf()).contains("test ! -d vendor");
    assertThat(runs(c, HookPhase.WARM)).isEqualTo(
        "php artisan config:cache | php artisan route:cache | php artisan view:cache");
    assertThat(c.hooks().of(HookPhase.MIGRATE).get(0).run()).isEqualTo("php artisan migrate --force");
    assertThat(c.hooks().of(HookPhase.MIGRATE).get(0).onlyIf().orElseThrow()).contains("migrate:status");
    assertThat(runs(c, HookPhase.POST_SWAP))
        .isEqualTo("php artisan queue:restart | sudo systemctl reload php8.2-fpm");
    // the app's command as app.user, the PHP-FPM reload with thingyan's own privileges
    assertThat(c.hooks().of(HookPhase.POST_SWAP)).extracting(HookCommand::runsAs)
        .containsExactly(HookCommand.RunsAs.APP, HookCommand.RunsAs.THINGYAN);
    assertThat(runs(c, HookPhase.MAINTENANCE_ON))
        .isEqualTo("php artisan down --retry=60 --secret=\"$THINGYAN_GATE_SECRET\"");
    assertThat(c.app().appGateMarker()).contains("storage/framework/down");
    assertThat(c.health().failFast()).isTrue();
    assertThat(runs(c, HookPhase.MAINTENANCE_OFF)).isEqualTo("php artisan up");
    assertThat(c.hooks().of(HookPhase.PREVIEW)).isEmpty();
  }

  @Test
  void configuredPhasesReplaceTheProfileDefaultsAndAnEmptyListTurnsOne0ff() {
    ThingyanConfig c = load(ConfigFiles.MINIMAL.replace("root: /srv/pms", "root: /srv/pms\n  profile: laravel")
        + "hooks:\n  install: []\n  migrate:\n    - run: php artisan migrate --force --step\n"
        + "      timeout: 1h\n      only_if: test -f .migrate\n  warm: php artisan optimize\n");

    assertThat(c.hooks().of(HookPhase.INSTALL)).isEmpty();
    assertThat(c.hooks().of(HookPhase.MIGRATE)).containsExactly(new HookCommand(
        "php artisan migrate --force --step", Duration.ofHours(1), Optional.of("test -f .migrate")));
    assertThat(c.hooks().of(HookPhase.WARM)).containsExactly(
        new HookCommand("php artisan optimize", Duration.ofMinutes(10), Optional.empty()));
    assertThat(runs(c, HookPhase.POST_SWAP)).isEqualTo("php artisan queue:restart");
  }

  @Test
  void aHookSaysWhosePrivilegesItNeedsAndAWrongAnswerIsNamed() {
    String base = ConfigFiles.MINIMAL.replace("root: /srv/pms", "root: /srv/pms\n  profile: laravel");
    ThingyanConfig c = load(base + "hooks:\n  post_swap:\n    - php artisan queue:restart\n"
        + "    - run: systemctl reload php8.2-fpm\n      runs_as: thingyan\n");
    assertThat(c.hooks().of(HookPhase.POST_SWAP)).extracting(HookCommand::runsAs)
        .containsExactly(HookCommand.RunsAs.APP, HookCommand.RunsAs.THINGYAN);

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(base
        + "hooks:\n  post_swap:\n    - run: systemctl reload php8.2-fpm\n      runs_as: root\n"));
    assertThat(e.getMessage()).contains("runs_as").contains("'root' is not valid");
  }

  @Test
  void jvmServiceNeedsItsUnitAndRestartsItAfterTheSwap() {
    String jvm = ConfigFiles.MINIMAL.replace("root: /srv/pms", "root: /srv/pms\n  profile: jvm-service");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(jvm));
    assertThat(e.getMessage()).contains("app.service: required by profile jvm-service");

    ThingyanConfig c = load(jvm.replace("jvm-service", "jvm-service\n  service: pms.service"));
    assertThat(runs(c, HookPhase.POST_SWAP)).isEqualTo("sudo systemctl restart pms.service");
    assertThat(c.hooks().of(HookPhase.POST_SWAP).get(0).runsAs()).isEqualTo(HookCommand.RunsAs.THINGYAN);
    assertThat(c.app().sharedPaths()).isEmpty();
  }

  @Test
  void secretsAreReadFromFilesAndNeverShownByToString() throws Exception {
    Files.writeString(dir.resolve("gh.token"), "ghp_topsecret123\n");
    Files.writeString(dir.resolve("db.pw"), "hunter2-db");
    ThingyanConfig c = load(ConfigFiles.MINIMAL
        .replace("repo: acme/pms", "repo: acme/pms\n    token_file: gh.token")
        .replace("path: db.sqlite", "path: db.sqlite\n  password_file: db.pw"));

    assertThat(c.secrets()).containsExactlyInAnyOrder("ghp_topsecret123", "hunter2-db");
    assertThat(c.toString()).doesNotContain("ghp_topsecret123").doesNotContain("hunter2-db")
        .contains("token=Optional[***]");
    assertThat(c.source().toString()).doesNotContain("topsecret");
  }

  @Test
  void aMissingSecretFileIsNamedButItsPathIsTheOnlyThingShown() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(ConfigFiles.MINIMAL
        .replace("repo: acme/pms", "repo: acme/pms\n    token_file: nowhere.token")));

    assertThat(e.problems()).singleElement().asString()
        .startsWith("source.github.token_file: the file ")
        .contains("nowhere.token does not exist");
  }

  @Test
  void durationsAndSizesParseTheirHumanSpellings() {
    assertThat(Units.duration("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Units.duration("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(Units.duration("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Units.duration("PT10M")).isEqualTo(Duration.ofMinutes(10));
    assertThat(Units.bytes("500MB")).isEqualTo(500_000_000L);
    assertThat(Units.bytes("2GB")).isEqualTo(2_000_000_000L);
    assertThat(Units.bytes("1GiB")).isEqualTo(1L << 30);
    assertThat(Units.bytes("1.5KiB")).isEqualTo(1536L);
    for (String bad : new String[] {"10", "m10", "10 minutes", "1h-5m", ""}) {
      org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
          .as(bad).isThrownBy(() -> Units.duration(bad));
    }
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> Units.bytes("2 potatoes"));
  }
}

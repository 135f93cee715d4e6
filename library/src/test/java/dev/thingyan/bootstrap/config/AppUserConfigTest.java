package dev.thingyan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppUserConfigTest {
  @TempDir Path dir;

  private ThingyanConfig load(String app) {
    return ConfigLoader.load(ConfigFiles.write(dir,
        ConfigFiles.MINIMAL.replace("app:\n  root: /srv/pms\n", "app:\n  root: /srv/pms\n" + app)));
  }

  private ConfigException refused(String app) {
    Path file = ConfigFiles.write(dir,
        ConfigFiles.MINIMAL.replace("app:\n  root: /srv/pms\n", "app:\n  root: /srv/pms\n" + app));
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
    assertThat(e).as("the configuration should have been refused").isNotNull();
    return e;
  }

  @Test
  void withoutAnAppUserHooksRunAsThingyansOwnUser() {
    AppConfig app = load("").app();

    assertThat(app.user()).isEmpty();
    assertThat(app.group()).isEmpty();
    assertThat(app.writablePaths()).isEmpty();
  }

  @Test
  void theUserAndGroupAreRead() {
    AppConfig app = load("  user: www-data\n  group: www-data\n").app();

    assertThat(app.user()).contains("www-data");
    assertThat(app.group()).contains("www-data");
  }

  @Test
  void laravelWritesStorageAndBootstrapCacheOthersTheirSharedFolders() {
    assertThat(load("  profile: laravel\n").app().writablePaths())
        .containsExactly("storage", "bootstrap/cache");
    assertThat(load("  shared_paths: [config.yml, uploads]\n").app().writablePaths())
        .containsExactly("uploads");
    assertThat(load("  profile: laravel\n  writable_paths: [storage, var/tmp]\n").app()
        .writablePaths()).containsExactly("storage", "var/tmp");
  }

  @Test
  void badNamesAndAGroupAloneAreRefused() {
    assertThat(refused("  user: \"www data\"\n").problems()).singleElement().asString()
        .contains("app.user: 'www data' is not a user name");
    assertThat(refused("  group: www-data\n").problems()).singleElement().asString()
        .contains("app.group: give app.user too");
    assertThat(refused("  writable_paths: [../etc]\n").problems()).singleElement().asString()
        .contains("app.writable_paths: '../etc' must be a path inside the release");
    assertThat(refused("  usr: www-data\n").problems()).singleElement().asString()
        .contains("app.usr: unknown key").contains("user");
  }

  @Test
  void theExampleDocumentsTheAppUser() {
    assertThat(ConfigLoader.load(ConfigFiles.example()).app().user()).isEqualTo(Optional.empty());
  }
}

package dev.thingyan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code health.preview}: the profile's default, the two modes, and the mistakes refused. */
class PreviewConfigTest {
  @TempDir Path dir;

  private static final String HTTP = "health:\n  checks: [{type: http, url: http://127.0.0.1/health, expect_version: true}]";

  private static String laravel(String health) {
    return ConfigFiles.MINIMAL.replace("root: /srv/pms", "root: /srv/pms\n  profile: laravel")
        .replace("health:\n  checks: [{type: database}]", health);
  }

  private PreviewConfig load(String yaml) {
    return ConfigLoader.load(ConfigFiles.write(dir, yaml)).health().preview();
  }

  private String refused(String yaml) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(ConfigFiles.write(dir, yaml)));
    assertThat(e).as("the configuration should have been refused").isNotNull();
    return e.getMessage();
  }

  @Test
  void theLaravelProfilePreviewsWithPhpsBuiltInServerWhenNoSiteIsConfigured() {
    PreviewConfig p = load(laravel(HTTP));

    assertThat(p.mode()).isEqualTo(PreviewConfig.Mode.COMMAND);
    assertThat(p.command()).contains("php -S 127.0.0.1:{port} -t {release}/public");
    assertThat(p.port()).isZero();
    assertThat(p.startTimeout()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void aUrlAloneMeansTheWebServersPreviewSite() {
    PreviewConfig p = load(laravel(HTTP + "\n  preview:\n    url: http://127.0.0.1:8081"));

    assertThat(p.mode()).isEqualTo(PreviewConfig.Mode.LINK);
    assertThat(p.url()).contains(URI.create("http://127.0.0.1:8081"));
  }

  @Test
  void otherProfilesHaveNoPreviewUnlessConfigured() {
    String generic = ConfigFiles.MINIMAL.replace("health:\n  checks: [{type: database}]", HTTP);
    assertThat(load(generic).mode()).isEqualTo(PreviewConfig.Mode.OFF);
    PreviewConfig own = load(generic.replace(HTTP, HTTP + "\n  preview:\n    command: ./serve --port {port}\n    start_timeout: 5s"));
    assertThat(own.mode()).isEqualTo(PreviewConfig.Mode.COMMAND);
    assertThat(own.startTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void offTurnsTheProfilesPreviewOff() {
    assertThat(load(laravel(HTTP + "\n  preview:\n    mode: off")).mode()).isEqualTo(PreviewConfig.Mode.OFF);
  }

  @Test
  void withoutAnHttpCheckTheLaravelDefaultIsOffAndAnExplicitPreviewIsRefused() {
    assertThat(load(laravel("health:\n  checks: [{type: database}]")).mode()).isEqualTo(PreviewConfig.Mode.OFF);
    assertThat(refused(laravel("health:\n  checks: [{type: database}]\n  preview:\n    mode: command")))
        .contains("health.preview").contains("http checks");
  }

  @Test
  void aPreviewSiteThatIsNotLoopbackIsRefused() {
    assertThat(refused(laravel(HTTP + "\n  preview:\n    url: http://10.1.2.3:8081")))
        .contains("health.preview.url").contains("not a loopback address");
  }

  @Test
  void mistakesAreNamed() {
    assertThat(refused(laravel(HTTP + "\n  preview:\n    mode: proxy"))).contains("health.preview.mode")
        .contains("expected link, command or off");
    assertThat(refused(laravel(HTTP + "\n  preview:\n    mode: link"))).contains("health.preview.url")
        .contains("nginx snippet");
    assertThat(refused(laravel(HTTP + "\n  preview:\n    command: php -S 127.0.0.1:8099 -t {release}/public")))
        .contains("{port}");
    assertThat(refused(laravel(HTTP + "\n  preview:\n    comand: x"))).contains("health.preview.comand");
  }
}

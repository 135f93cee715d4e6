package dev.thingyan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release intake keys: {@code source.app_name} (default: the repository's name),
 * {@code verify.uncovered_assets}, {@code limits.max_package_size}; and an {@code api_url} the
 * GitHub client would refuse is a configuration error naming the key (exit 2), not a failure at
 * start (exit 4).
 */
class IntakeConfigTest {
  @TempDir Path dir;

  @Test
  void theAppNameDefaultsToTheRepositorysNameAndUncoveredAssetsAreRefused() {
    VerifyConfig v = ConfigLoader.load(ConfigFiles.write(dir, ConfigFiles.MINIMAL)).verify();

    assertThat(v.appName()).contains("pms");
    assertThat(v.refuseUncoveredAssets()).isTrue();
    assertThat(v.maxPackageBytes()).isEqualTo(4L << 30);
    assertThat(v.maxSmallBytes()).containsExactly(64L << 10, 4L << 10, 64L << 10);
  }

  @Test
  void theKeysAreRead() {
    ThingyanConfig config = ConfigLoader.load(ConfigFiles.write(dir, ConfigFiles.MINIMAL
        .replace("source:\n", "source:\n  app_name: pms-hotel\n")
        .replace("    repo: acme/pms\n", "    repo: acme/pms\n    total_timeout: 15s\n")
        .replace("  allow_unsigned: true\n", "  allow_unsigned: true\n  uncovered_assets: ignore\n")
        + "limits:\n  max_package_size: 500MB\n  max_checksums_size: 1MiB\n"
        + "  max_signature_size: 8KiB\n  max_manifest_size: 2KB\n"));
    VerifyConfig v = config.verify();

    assertThat(((SourceConfig.GitHub) config.source()).totalTimeout())
        .isEqualTo(java.time.Duration.ofSeconds(15));
    assertThat(v.appName()).contains("pms-hotel");
    assertThat(v.refuseUncoveredAssets()).isFalse();
    assertThat(v.maxPackageBytes()).isEqualTo(500_000_000L);
    assertThat(v.maxSmallBytes()).containsExactly(1L << 20, 8L << 10, 2_000L);
  }

  @Test
  void badValuesAreRefusedNamingTheKey() {
    ConfigException e = refused(ConfigFiles.MINIMAL
        .replace("source:\n", "source:\n  app_name: \"pms hotel\"\n")
        .replace("  allow_unsigned: true\n", "  allow_unsigned: true\n  uncovered_assets: warn\n")
        + "limits:\n  max_package_size: big\n  max_signature_size: 0\n");

    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("source.app_name:"))
        .anySatisfy(p -> assertThat(p).startsWith("verify.uncovered_assets: 'warn' is not valid"))
        .anySatisfy(p -> assertThat(p).startsWith("limits.max_package_size:"))
        .anySatisfy(p -> assertThat(p).startsWith("limits.max_signature_size:"));
  }

  @Test
  void anHttpApiUrlOffLoopbackWithATokenIsAConfigurationErrorNamingTheKey() throws IOException {
    Path token = Files.writeString(dir.resolve("token"), "ghp_notARealToken1234567890abcdefABCD");
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
    ConfigException e = refused(ConfigFiles.MINIMAL.replace("    repo: acme/pms\n",
        "    repo: acme/pms\n    api_url: http://ghe.example/api/v3\n    token_file: token\n"));

    assertThat(e.problems()).singleElement().asString()
        .startsWith("source.github.api_url: 'http://ghe.example/api/v3' uses http with a token")
        .doesNotContain("ghp_");
  }

  @Test
  void theSameUrlOnLoopbackIsAcceptedForTests() {
    assertThat(SourceBinder.apiUrlProblem(java.net.URI.create("http://127.0.0.1:8080"), true))
        .isEqualTo(Optional.empty());
    assertThat(SourceBinder.apiUrlProblem(java.net.URI.create("ftp://ghe.example"), false))
        .isPresent();
  }

  private ConfigException refused(String yaml) {
    Path file = ConfigFiles.write(dir, yaml);
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
    assertThat(e).as("the configuration should have been refused").isNotNull();
    return e;
  }
}

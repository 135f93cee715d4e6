package dev.thingyan.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.ReleaseAsset;
import dev.thingyan.ports.model.ReleaseManifest;
import dev.thingyan.ports.model.Version;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleasePoliciesTest {

  private static Release release(String tag, boolean pre, boolean draft, String... assets) {
    return new Release(Version.parse(tag), tag, tag, "", pre, draft, Optional.empty(),
        java.util.Arrays.stream(assets).map(a -> new ReleaseAsset(a, 10, URI.create("file:/x/" + a), null)).toList());
  }

  @Test
  void newestSkipsDraftsPreReleasesAndOlderVersions() {
    List<Release> all = List.of(release("v1.0.0", false, false), release("v1.2.0", false, false),
        release("v1.3.0-rc.1", true, false), release("v1.4.0", false, true));
    assertThat(ReleaseSelection.newest(all, Optional.of(Version.parse("1.0.0")), false)).get()
        .extracting(Release::tag).isEqualTo("v1.2.0");
    assertThat(ReleaseSelection.newest(all, Optional.of(Version.parse("1.0.0")), true)).get()
        .extracting(Release::tag).isEqualTo("v1.3.0-rc.1");
    assertThat(ReleaseSelection.newest(all, Optional.of(Version.parse("1.2.0")), false)).isEmpty();
  }

  @Test
  void theTrustedCommentMustNameThisAppAndExactlyThisVersion() {
    Version v = Version.parse("2.7.1");
    Optional<String> app = Optional.of("thingyan");
    assertThat(ReleaseSelection.trustedCommentRefusal("thingyan release v2.7.1", app, v)).isEmpty();
    assertThat(ReleaseSelection.trustedCommentRefusal("thingyan release 2.7.1", app, v)).isEmpty();
    assertThat(ReleaseSelection.trustedCommentRefusal("otherapp release v2.7.1", app, v)).get()
        .asString().contains("signed for the app 'otherapp', not 'thingyan'");
    assertThat(ReleaseSelection.trustedCommentRefusal("thingyan release v1.0.0 v2.7.2 v3.0.0 v9.9.9",
        app, v)).get().asString().contains("not in the form '<app> release v<version>'");
    assertThat(ReleaseSelection.trustedCommentRefusal("thingyan release v2.7.1 v2.7.2", app, v))
        .get().asString().contains("not in the form");
    for (String other : List.of("thingyan release v2.7.0", "thingyan release v12.7.1",
        "thingyan release v2.7.1-rc.1", "thingyan release v2.7.1.1", "thingyan release v02.7.1")) {
      assertThat(ReleaseSelection.trustedCommentRefusal(other, app, v)).as(other).get().asString()
          .contains("signed for another release");
    }
    for (String loose : List.of("release 2.7.1 of acme/thingyan", " thingyan release v2.7.1",
        "thingyan release v2.7.1\n", "timestamp:1700000000 file:SHA256SUMS version:2.7.1")) {
      assertThat(ReleaseSelection.trustedCommentRefusal(loose, app, v)).as(loose).isPresent();
    }
    // a folder source without source.app_name: any one app name, still exactly one version
    assertThat(ReleaseSelection.trustedCommentRefusal("otherapp release v2.7.1", Optional.empty(), v))
        .isEmpty();
  }

  @Test
  void sha256SumsReadsTheStandardFormatAndRefusesAnythingElse() {
    String a = "a".repeat(64);
    String b = "B".repeat(64);
    Sha256Sums sums = Sha256Sums.parse(a + "  app-1.2.0.tar.gz\n" + b + " *release.json\n\n");
    assertThat(sums.sumOf("app-1.2.0.tar.gz")).contains(a);
    assertThat(sums.sumOf("release.json")).contains("b".repeat(64));
    assertThat(sums.sumOf("other")).isEmpty();
    assertThatThrownBy(() -> Sha256Sums.parse(a + "  ../etc/passwd")).hasMessageContaining("line 1");
    assertThatThrownBy(() -> Sha256Sums.parse("abc  x")).hasMessageContaining("line 1");
    assertThatThrownBy(() -> Sha256Sums.parse(a + "  x\n" + a + "  x")).hasMessageContaining("twice");
    assertThatThrownBy(() -> Sha256Sums.parse("\n")).hasMessageContaining("empty");
  }

  @Test
  void releaseJsonFieldsAndSafeDefaults() {
    ReleaseManifest m = ReleaseManifests.parse("{\"schema_version\": \"2024_01_01\", \"requires_migration\": false,"
        + " \"upgrade_from\": \">=1.0.0\", \"min_agent_version\": \"0.1.0\"}");
    assertThat(m.requiresMigration()).isFalse();
    assertThat(m.migrationsReversible()).isFalse();
    assertThat(m.upgradeFrom()).contains(">=1.0.0");
    assertThat(m.schemaVersion()).contains("2024_01_01");
    assertThat(ReleaseManifests.parse("{}")).isEqualTo(ReleaseManifest.DEFAULT);
    assertThatThrownBy(() -> ReleaseManifests.parse("{\"requires_migration\": \"yes\"}")).hasMessageContaining("requires_migration");
    assertThatThrownBy(() -> ReleaseManifests.parse("{\"upgrade_from\": \">=x\"}")).hasMessageContaining("upgrade_from");
    assertThatThrownBy(() -> ReleaseManifests.parse("{\"a\": [1]}")).hasMessageContaining("'a'");
    assertThatThrownBy(() -> ReleaseManifests.parse("{\"a\": 1")).hasMessageContaining("release.json");
  }

  /** Readers differ on which of two values wins, and a misspelt key's meaning would be lost. */
  @Test
  void releaseJsonRefusesADuplicateOrUnknownKeyNamingIt() {
    assertThatThrownBy(() -> ReleaseManifests.parse("{\"requires_migration\": false, "
        + "\"requires_migration\": true}")).hasMessageContaining("'requires_migration' is given twice");
    assertThatThrownBy(() -> ReleaseManifests.parse("{\"maintenance_requried\": true}"))
        .hasMessageContaining("'maintenance_requried' is not a known key");
  }

  @Test
  void thePackageGlobMustPickExactlyOneAsset() {
    Release r = release("v1.0.0", false, false, "app-1.0.0.tar.gz", "SHA256SUMS", "release.json");
    assertThat(new AssetGlob("*.tar.gz").find(r)).get().extracting(ReleaseAsset::name).isEqualTo("app-1.0.0.tar.gz");
    assertThat(new AssetGlob("*.zip").find(r)).isEmpty();
    assertThatThrownBy(() -> new AssetGlob("*").find(r)).hasMessageContaining("app.package_asset");
  }
}

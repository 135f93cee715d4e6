package dev.thingyan.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.ReleaseManifest;
import dev.thingyan.ports.model.Version;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompatibilityPolicyTest {

  private static final Version AGENT = Version.parse("0.1.0");

  private static Decision check(String current, String target, ReleaseManifest m, boolean allowDowngrade) {
    return CompatibilityPolicy.check(Optional.ofNullable(current).map(Version::parse), Version.parse(target), m, AGENT, allowDowngrade);
  }

  private static ReleaseManifest upgradeFrom(String range) {
    return new ReleaseManifest(Optional.empty(), true, false, false, Optional.of(range), Optional.empty());
  }

  @Test
  void anUpgradeIsAllowed() {
    assertThat(check("1.2.0", "1.3.0", ReleaseManifest.DEFAULT, false).allowed()).isTrue();
    assertThat(check(null, "1.0.0", ReleaseManifest.DEFAULT, false).allowed()).isTrue();
  }

  @Test
  void aDowngradeOrReinstallNeedsTheExplicitFlag() {
    Decision down = check("1.3.0", "1.2.0", ReleaseManifest.DEFAULT, false);
    assertThat(down.allowed()).isFalse();
    assertThat(down.reason()).contains("older").contains("allow-downgrade");
    assertThat(check("1.3.0", "1.3.0", ReleaseManifest.DEFAULT, false).reason()).contains("already installed");
    assertThat(check("1.3.0", "1.2.0", ReleaseManifest.DEFAULT, true).allowed()).isTrue();
    assertThat(check("1.3.0", "1.3.0-rc.1", ReleaseManifest.DEFAULT, false).allowed()).isFalse();
  }

  @Test
  void upgradeFromRangeIsHonoured() {
    assertThat(check("1.1.0", "2.0.0", upgradeFrom(">=1.2.0 <2.0.0"), false).allowed()).isFalse();
    assertThat(check("1.1.0", "2.0.0", upgradeFrom(">=1.2.0 <2.0.0"), false).reason()).contains("intermediate");
    assertThat(check("1.4.2", "2.0.0", upgradeFrom(">=1.2.0 <2.0.0"), false).allowed()).isTrue();
    assertThat(check("1.4.2", "2.0.0", upgradeFrom("^1.2"), false).allowed()).isTrue();
    assertThat(check("0.9.0", "2.0.0", upgradeFrom("^1.2 || 0.9.x"), false).allowed()).isTrue();
  }

  @Test
  void aReleaseNeedingANewerAgentIsRefused() {
    ReleaseManifest m = new ReleaseManifest(Optional.empty(), true, false, false, Optional.empty(), Optional.of(Version.parse("0.2.0")));
    assertThat(check("1.0.0", "1.1.0", m, false).reason()).contains("thingyan 0.2.0");
    assertThat(check("1.0.0", "1.1.0", m, false).allowed()).isFalse();
  }
}

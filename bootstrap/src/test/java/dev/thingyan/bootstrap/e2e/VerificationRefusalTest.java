package dev.thingyan.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.demo.DemoRelease;
import dev.thingyan.adapter.storage.verify.MinisignSigner;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.in.PrecheckFinding;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases that must never be installed, each refused before anything is extracted, with its
 * reason in the run: {@code current} keeps pointing at v1.1.0 and no release folder appears. Each
 * test publishes its own tag into the shared sandbox and asks for exactly that version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerificationRefusalTest {

  @TempDir static Path dir;
  private Sandbox sandbox;
  private Path v2Release;
  private List<String> foldersBefore;

  @BeforeAll
  void installV2() {
    sandbox = new Sandbox(dir);
    Run run = sandbox.install(SampleEdition.V2);
    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.COMPLETED);
    v2Release = sandbox.current().orElseThrow();
    foldersBefore = sandbox.releaseFolders();
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  @AfterEach
  void nothingWasInstalled() {
    assertThat(sandbox.current()).contains(v2Release);
    assertThat(sandbox.releaseFolders()).isEqualTo(foldersBefore);
    assertThat(sandbox.maintenanceFlag()).isFalse();
  }

  @Test
  void aPackageAlteredAfterSigningIsRefusedBeforeExtraction() {
    Run run = sandbox.install(sandbox.releases.of(SampleEdition.V2, "1.3.0").tamperedAfterSigning().build());

    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.FAILED);
    assertThat(run.reason()).hasValueSatisfying(r -> assertThat(r)
        .contains("app-1.3.0.tar.gz does not match SHA256SUMS", "tampered"));
    assertThat(sandbox.stepOutcomes(run)).containsSubsequence("download:SUCCEEDED", "verify:FAILED", "cleanup:SUCCEEDED");
    assertThat(sandbox.stepNames(run)).doesNotContain("extract", "migrate", "swap", "db_restore");
  }

  @Test
  void aChecksumListWithAMalformedLineIsRefused() {
    Run run = sandbox.install(sandbox.releases.of(SampleEdition.V2, "1.3.1")
        .editSums(sums -> sums + "d41d8cd98f00b204e9800998ecf8427e  app-1.3.1.tar.gz\n").build());

    assertRefusedInPrecheck(run, "unreadable SHA256SUMS", "line 3");
  }

  @Test
  void aReleaseSignedByAnUntrustedKeyIsRefused() {
    Run run = sandbox.install(sandbox.releases.of(SampleEdition.V2, "1.3.2").signedBy(MinisignSigner.generate()).build());

    assertRefusedInPrecheck(run, "release v1.3.2 has an invalid signature");
  }

  @Test
  void anUnsignedReleaseIsRefused() {
    Run run = sandbox.install(sandbox.releases.of(SampleEdition.V2, "1.3.3").unsigned().build());

    assertRefusedInPrecheck(run, "is not signed (no SHA256SUMS.minisig)");
  }

  @Test
  void aValidSignatureOfAnotherVersionIsNotAcceptedForANewTag() {
    DemoRelease signedFor110 = sandbox.releases.of(SampleEdition.V2, "1.1.0").build();

    Run run = sandbox.install(TestReleases.retagged(signedFor110, "1.2.0"));

    assertRefusedInPrecheck(run, "signed for another release", "pms release v1.1.0");
  }

  @Test
  void anOlderReleaseIsRefusedUnlessTheAdminAllowsTheDowngrade() {
    sandbox.env.publish(SampleEdition.V1);

    Run run = sandbox.apply("1.0.0", RunOptions.DEFAULT);

    assertRefusedInPrecheck(run, "version_compatible", "older than the installed 1.1.0", "allow-downgrade");
    var allowed = sandbox.system.checkForUpdates().check(new UpdateRequest(Sandbox.ADMIN,
        Optional.of("1.0.0"), new RunOptions(true, false)));
    assertThat(allowed.findings()).filteredOn(f -> f.name().equals("version_compatible"))
        .singleElement().extracting(PrecheckFinding::passed).isEqualTo(true);
  }

  private void assertRefusedInPrecheck(Run run, String... reason) {
    assertThat(run.state()).as(() -> sandbox.log(run)).isEqualTo(RunState.PRECHECK_FAILED);
    assertThat(run.reason()).hasValueSatisfying(r -> assertThat(r).contains(reason));
    assertThat(sandbox.stepOutcomes(run)).containsExactly("precheck:FAILED");
    assertThat(run.backupId()).isEmpty();
  }
}

package dev.thingyan.adapter.storage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.GateBypass;
import dev.thingyan.ports.model.InstalledRelease;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.FaultPoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Release folders, an adopted Deployer layout, discard, prune, flags and download folders. */
class WorkspaceLayoutTest {
  private static final Instant AT = Instant.parse("2025-01-02T03:04:05Z");

  @TempDir Path tmp;
  private Path root;
  private FileSystemReleaseWorkspace workspace;

  @BeforeEach
  void setUp() {
    root = tmp.resolve("app");
    workspace = new FileSystemReleaseWorkspace(root, FaultPoints.NONE);
  }

  @Test
  void namesStagingFoldersByVersionAndUtcTimeAndNeverReusesOne() {
    Path first = workspace.prepareStaging(Version.parse("v1.2.0-rc.1"), AT);
    Path second = workspace.prepareStaging(Version.parse("1.2.0-rc.1"), AT);

    assertThat(first).isEqualTo(root.resolve("releases/1.2.0-rc.1-20250102030405")).isEmptyDirectory();
    assertThat(second).isEqualTo(root.resolve("releases/1.2.0-rc.1-20250102030405-2"));
    assertThat(workspace.installed()).extracting(InstalledRelease::version)
        .containsOnly(Optional.of(Version.parse("1.2.0-rc.1")));
  }

  @Test
  void listsAnAdoptedDeployerLayoutNewestFirst() throws IOException {
    Path one = deployerRelease("1", 3000);
    Path two = deployerRelease("2", 2000);
    Path ours = workspace.prepareStaging(Version.parse("1.3.0"), Instant.now().minusSeconds(2500));
    Files.createSymbolicLink(root.resolve("current"), two.toAbsolutePath());

    assertThat(workspace.installed()).containsExactly(new InstalledRelease(two, Optional.empty()),
        new InstalledRelease(ours, Optional.of(Version.parse("1.3.0"))),
        new InstalledRelease(one, Optional.empty()));
    assertThat(workspace.current()).contains(new InstalledRelease(two, Optional.empty()));
  }

  @Test
  void hasNoCurrentBeforeTheFirstActivation() {
    assertThat(workspace.current()).isEmpty();
    assertThat(workspace.installed()).isEmpty();
  }

  @Test
  void discardsAFailedStagingButNeverCurrent() {
    Path good = workspace.prepareStaging(Version.parse("1.0.0"), AT);
    Path failed = workspace.prepareStaging(Version.parse("1.1.0"), AT);
    workspace.activate(good);

    workspace.discard(failed);

    assertThat(failed).doesNotExist();
    assertThatThrownBy(() -> workspace.discard(good)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is the current release");
    assertThatThrownBy(() -> workspace.discard(root.resolve("shared")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(good).isDirectory();
  }

  @Test
  void prunesExactlyTheFoldersItIsGivenButNeverCurrent() throws IOException {
    Path r1 = workspace.prepareStaging(Version.parse("1.0.0"), AT);
    Path r2 = workspace.prepareStaging(Version.parse("1.1.0"), AT.plusSeconds(60));
    Path r3 = workspace.prepareStaging(Version.parse("1.2.0"), AT.plusSeconds(120));
    Path r4 = workspace.prepareStaging(Version.parse("1.2.0"), AT.plusSeconds(180));
    Files.writeString(Files.createDirectories(r3.resolve("vendor/pkg")).resolve("a.php"), "<?php\n");
    Files.createSymbolicLink(r4.resolve("storage"), root.resolve("shared")); // a shared link: only the link goes
    Files.createDirectories(root.resolve("shared/logs"));
    workspace.activate(r2);

    List<Path> deleted = workspace.prune(List.of(r3, r2, r4));

    assertThat(deleted).containsExactly(r3, r4);
    assertThat(workspace.installed()).extracting(InstalledRelease::dir).containsExactly(r2, r1);
    assertThat(workspace.current()).map(InstalledRelease::dir).contains(r2);
    assertThat(root.resolve("shared/logs")).isDirectory();
  }

  @Test
  void prunesAFolderSpelledThroughAnotherPathButNothingOutsideReleases() throws IOException {
    Path r1 = workspace.prepareStaging(Version.parse("1.0.0"), AT);
    Path r2 = workspace.prepareStaging(Version.parse("1.1.0"), AT.plusSeconds(60));
    Path alias = Files.createSymbolicLink(tmp.resolve("alias"), root);
    Path outside = Files.createDirectories(tmp.resolve("elsewhere/1.0.0-20250102030405"));
    Path shared = Files.createDirectories(root.resolve("shared"));

    List<Path> deleted = workspace.prune(List.of(alias.resolve("releases").resolve(r1.getFileName()),
        outside, shared, root.resolve("releases/gone-already"), root.resolve("releases/../shared")));

    assertThat(deleted).containsExactly(r1);
    assertThat(workspace.installed()).extracting(InstalledRelease::dir).containsExactly(r2);
    assertThat(outside).isDirectory();
    assertThat(shared).isDirectory();
    assertThat(workspace.prune(List.of())).isEmpty();
  }

  @Test
  void keepsTheMaintenanceFlagWithItsReason() {
    assertThat(workspace.maintenanceFlag()).isFalse();
    workspace.setMaintenanceFlag(true, "updating to 1.2.0");
    assertThat(workspace.maintenanceFlag()).isTrue();
    assertThat(root.resolve(".thingyan/maintenance")).hasContent("updating to 1.2.0");
    workspace.setMaintenanceFlag(false, "done");
    assertThat(workspace.maintenanceFlag()).isFalse();
    workspace.setMaintenanceFlag(false, "already off");
  }

  @Test
  void keepsTheGatesBypassWithTheFlagReadableByItsOwnerOnly() throws IOException {
    GateBypass bypass = new GateBypass("AbCdEfGhIjKlMnOpQrStUvWx-_01");
    workspace.raiseMaintenanceFlag("rollback of run r1\nsecond line", bypass);

    Path flag = root.resolve(".thingyan/maintenance");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(flag))).isEqualTo("rw-------");
    assertThat(workspace.maintenanceFlag()).isTrue();
    assertThat(workspace.readMaintenanceFlag()).hasValueSatisfying(f -> {
      assertThat(f.reason()).isEqualTo("rollback of run r1 second line");
      assertThat(f.bypass()).contains(bypass);
    });
    workspace.setMaintenanceFlag(false, "");
    assertThat(workspace.readMaintenanceFlag()).isEmpty();
    workspace.setMaintenanceFlag(true, "an older flag, no bypass");
    assertThat(workspace.readMaintenanceFlag()).hasValueSatisfying(f -> assertThat(f.bypass()).isEmpty());
  }

  @Test
  void givesEachRunADownloadFolderAndRefusesIdsThatClimb() {
    assertThat(workspace.downloadDir("run-42")).isEqualTo(root.resolve(".thingyan/downloads/run-42"))
        .isDirectory();
    assertThatThrownBy(() -> workspace.downloadDir("../x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot name a folder");
  }

  @Test
  void reportsFreeSpaceAndAnAbsoluteRoot() {
    assertThat(workspace.usableBytes()).isPositive();
    assertThat(workspace.root()).isAbsolute().isEqualTo(root.toAbsolutePath());
  }

  private Path deployerRelease(String name, long secondsAgo) throws IOException {
    Path dir = Files.createDirectories(root.resolve("releases").resolve(name));
    Files.setLastModifiedTime(dir, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
    return dir;
  }
}

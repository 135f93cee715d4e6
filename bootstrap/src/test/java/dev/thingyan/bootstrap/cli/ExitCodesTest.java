package dev.thingyan.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.in.PrecheckFinding;
import dev.thingyan.ports.in.RunRefusedException;
import dev.thingyan.ports.in.UpdateCheck;
import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.BackupException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExitCodesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = RunState.class, names = {"PRECHECK_FAILED", "BACKUP_FAILED", "FAILED",
      "ROLLBACK_FAILED", "HEALTH_CHECK"})
  void anUpdateThatDidNotCompleteExitsOne(RunState end) {
    CliHarness cli = new CliHarness(dir);
    cli.system.apply = r -> Runs.run("r-1", end);

    assertThat(cli.run("apply")).isEqualTo(ExitCodes.FAILED);
  }

  @Test
  void aCompletedUpdateExitsZeroAndTheSystemIsClosed() {
    CliHarness cli = new CliHarness(dir);

    assertThat(cli.run("apply")).isEqualTo(ExitCodes.OK);
    assertThat(cli.system.closed).isTrue();
    assertThat(cli.system.recoverCalls).isEqualTo(1);
  }

  @Test
  void aRefusedRunExitsThreeWithTheReasonOnStderr() {
    CliHarness cli = new CliHarness(dir);
    cli.system.apply = r -> { throw new RunRefusedException("another run is active: r-7"); };

    assertThat(cli.run("--lang", "en", "apply")).isEqualTo(ExitCodes.REFUSED);
    assertThat(cli.err()).contains("Refused: another run is active: r-7");
  }

  @Test
  void anUnexpectedErrorExitsFourWithSecretsMasked() throws Exception {
    Files.writeString(dir.resolve("gh.token"), "ghp_s3cret");
    CliHarness cli = new CliHarness(dir, dev.thingyan.bootstrap.config.ConfigFiles.MINIMAL
        .replace("repo: acme/pms", "repo: acme/pms\n    token_file: gh.token"));
    cli.system.apply = r -> { throw new IllegalStateException("GET failed with ghp_s3cret"); };

    assertThat(cli.run("apply")).isEqualTo(ExitCodes.UNEXPECTED);
    assertThat(cli.err()).contains("GET failed with ***").doesNotContain("ghp_s3cret");
  }

  @Test
  void aRefusedConfigurationOrBadUsageExitsTwo() {
    CliHarness cli = new CliHarness(dir, "app:\n  root: /srv/pms\n");

    assertThat(cli.run("--lang", "en", "status")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("was refused").contains("  - source.type: missing");
    assertThat(cli.run("--lang", "en", "--config", dir.resolve("none.yaml").toString(), "status"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run("frobnicate")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run("--lang", "fr", "status")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void checkExitsZeroOnlyWhenReady() {
    CliHarness cli = new CliHarness(dir);
    Release release = new Release(Version.parse("1.3.0"), "v1.3.0", null, null, false, false,
        Optional.empty(), List.of());
    PrecheckFinding disk = new PrecheckFinding("disk_space", true, true, "40 GB free");
    PrecheckFinding folio = new PrecheckFinding("app:open_folios", false, true, "3 open folios");
    cli.system.check = () -> new UpdateCheck(Optional.of(Version.parse("1.2.0")),
        Optional.of(release), List.of(disk));
    assertThat(cli.run("check")).isEqualTo(ExitCodes.OK);

    cli.system.check = () -> new UpdateCheck(Optional.of(Version.parse("1.2.0")),
        Optional.of(release), List.of(disk, folio));
    assertThat(cli.run("--lang", "en", "check")).isEqualTo(ExitCodes.FAILED);
    assertThat(cli.out()).contains("✗ app:open_folios: 3 open folios (blocks the update)")
        .contains("Not ready to update.");
  }

  @Test
  void aFailedBackupExitsOneAndAnUnknownRunIsAUsageError() {
    CliHarness cli = new CliHarness(dir);
    cli.system.backup = () -> { throw new BackupException("sqlite backup: disk full"); };

    assertThat(cli.run("--lang", "en", "backup")).isEqualTo(ExitCodes.FAILED);
    assertThat(cli.err()).contains("Backup failed: sqlite backup: disk full");
    assertThat(cli.run("show", "nope")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aRollbackExitsZeroUnlessItFailedOrWaits() {
    CliHarness cli = new CliHarness(dir);

    assertThat(cli.run("rollback")).isEqualTo(ExitCodes.OK);
    cli.system.rollback = r -> Runs.run("r-2", RunState.ROLLBACK_FAILED);
    assertThat(cli.run("--lang", "en", "rollback")).isEqualTo(ExitCodes.FAILED);
    assertThat(cli.out()).contains("thingyan resolve --reason TEXT");
  }
}

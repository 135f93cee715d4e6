package dev.thingyan.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.config.ConfigFiles;
import java.nio.file.Path;
import dev.thingyan.ports.in.UpdateCheck;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: what a newcomer's first mistakes print, and their exit codes. */
class NewcomerMessagesTest {
  @TempDir Path dir;

  @Test
  void anUnknownLanguageIsAClearUsageErrorNamingBothChoices() {
    CliHarness cli = new CliHarness(dir);

    assertThat(cli.run("--lang", "fr", "check")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("'fr'").contains("my (Burmese) or en (English)")
        .contains("မြန်မာ").doesNotContain("Usage");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void restoringABackupThatDoesNotExistIsAUsageErrorAndNothingStarts() {
    CliHarness cli = new CliHarness(dir);

    assertThat(cli.run("--lang", "en", "restore", "nosuch", "--yes")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("No backup with id 'nosuch'").contains("thingyan backups");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void restoringABackupThatExistsStillStarts() {
    CliHarness cli = new CliHarness(dir);
    cli.system.backups = List.of(Backups.record("b-1"));

    cli.run("--lang", "en", "restore", "b-1", "--yes");
    assertThat(cli.out()).contains("Restoring backup b-1");
  }

  @Test
  void showingAnUnknownOrMalformedRunIsAUsageError() {
    CliHarness cli = new CliHarness(dir);

    assertThat(cli.run("--lang", "en", "show", "r-12")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("No run with id 'r-12'").contains("whole id");
    assertThat(cli.run("--lang", "en", "show", "x".repeat(80))).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void historyLimitHelpTalksAboutRuns() {
    CliHarness cli = new CliHarness(dir);

    cli.run("--lang", "en", "history", "--help");
    assertThat(cli.out()).contains("How many runs to list").doesNotContain("errors");
    cli.run("--lang", "en", "reports", "--help");
    assertThat(cli.out()).contains("How many errors to list");
  }

  @Test
  void aConfigurationErrorsHeaderIsInTheLanguageTheFileAsksFor() {
    CliHarness cli = new CliHarness(dir, ConfigFiles.MINIMAL.replace("acme/pms", "\"-acme/pms.\"")
        + "ui:\n  language: en\n");

    assertThat(cli.run("status")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("was refused").contains("source.github.repo");

    CliHarness burmese = new CliHarness(dir, ConfigFiles.MINIMAL.replace("acme/pms", "\"-acme/pms.\""));
    burmese.run("status");
    assertThat(burmese.err()).doesNotContain("was refused");
  }

  @Test
  void aCheckThatCouldNotAskTheSourceSaysSoWithItsOwnExitCode() {
    CliHarness cli = new CliHarness(dir);
    cli.system.check = () -> new UpdateCheck(Optional.empty(), Optional.empty(), List.of(),
        List.of(), List.of(), Optional.of("GitHub did not answer: connection refused"));

    assertThat(cli.run("--lang", "en", "check")).isEqualTo(ExitCodes.COULD_NOT_CHECK);
    assertThat(cli.out()).contains("Could not check for updates: GitHub did not answer")
        .contains("does not mean there is no update")
        .doesNotContain("(unknown)").doesNotContain("No newer compatible release");
    cli.run("--lang", "en", "--help");
    assertThat(cli.out()).contains("5 check could not ask the release source");
  }

  @Test
  void checkOnAnAppRootThatDoesNotExistSaysSoAndCreatesNothing() {
    Path missing = dir.resolve("srv/pmz");
    CliHarness cli = new CliHarness(dir, ConfigFiles.MINIMAL.replace("root: /srv/pms", "root: " + missing));
    cli.system.check = () -> { throw new AssertionError("the system must not be opened"); };

    assertThat(cli.run("--lang", "en", "check")).isEqualTo(ExitCodes.FAILED);
    assertThat(cli.out()).contains("app.root " + missing + " does not exist")
        .contains("Not ready to update.");
    assertThat(missing.getParent()).doesNotExist();
  }
}

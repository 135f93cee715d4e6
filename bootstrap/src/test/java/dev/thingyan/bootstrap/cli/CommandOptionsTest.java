package dev.thingyan.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.in.RollbackRelease;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.RunOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandOptionsTest {
  @TempDir Path dir;

  @Test
  void onlyTheCommandOnTheLineIsRegisteredAndOptionValuesAreNotTakenForIt() {
    assertThat(Main.preScanCommand(new String[] {"--config", "backup", "--lang=en", "history"}))
        .contains("history");
    assertThat(Main.preScanCommand(new String[] {"--lang", "en", "backup", "verify", "x"})).contains("backup");
    assertThat(Main.preScanCommand(new String[] {"bakup"})).isEmpty();
    assertThat(Main.preScanCommand(new String[] {"--help"})).isEmpty();
  }

  @Test
  void withNoCommandOrAMisspeltOneHelpStillListsAndSuggestsEveryCommand() {
    CliHarness cli = new CliHarness(dir);

    cli.run("--lang", "en", "--help");
    assertThat(cli.out()).contains("backups", "restore", "reports", "demo", "status");

    assertThat(cli.run("--lang", "en", "bakup")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("Did you mean", "backup");
  }

  @Test
  void applyPassesTheVersionAndOptionsAsTheCliActor() {
    CliHarness cli = new CliHarness(dir);

    assertThat(cli.run("apply", "v1.3.0", "--allow-downgrade", "--pre")).isZero();

    assertThat(cli.system.requests).containsExactly(new UpdateRequest(new Actor("cli:tester"),
        Optional.of("v1.3.0"), new RunOptions(true, true)));
  }

  @Test
  void applyWithoutAVersionAsksForTheNewest() {
    CliHarness cli = new CliHarness(dir);

    cli.run("apply");

    assertThat(cli.system.requests).containsExactly(new UpdateRequest(new Actor("cli:tester"),
        Optional.empty(), RunOptions.DEFAULT));
  }

  @Test
  void rollbackTakesOneDatabaseChoiceAndAReason() {
    CliHarness cli = new CliHarness(dir);

    cli.run("rollback", "--restore-db", "--reason", "bookings page broken");
    cli.run("rollback", "--keep-db");
    cli.run("rollback");

    assertThat(cli.system.requests).extracting(r -> (RollbackRelease.Request) r)
        .extracting(RollbackRelease.Request::restoreDatabase, RollbackRelease.Request::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Optional.of(true), "bookings page broken"),
            org.assertj.core.groups.Tuple.tuple(Optional.of(false), RollbackCommand.DEFAULT_REASON),
            org.assertj.core.groups.Tuple.tuple(Optional.empty(), RollbackCommand.DEFAULT_REASON));
    assertThat(cli.run("rollback", "--restore-db", "--keep-db")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void resolveRequiresAReason() {
    CliHarness cli = new CliHarness(dir);

    assertThat(cli.run("resolve")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("--reason");
    assertThat(cli.run("resolve", "--reason", "restored the database by hand")).isZero();
    assertThat(cli.system.requests).containsExactly("cli:tester restored the database by hand");
    assertThat(cli.out()).doesNotContain("gate stays up");

    assertThat(cli.run("resolve", "--reason", "the next release repairs it", "--keep-gate", "--lang", "en")).isZero();
    assertThat(cli.system.requests).endsWith("cli:tester the next release repairs it (keep gate)");
    assertThat(cli.out()).contains("The maintenance gate stays up");
  }

  @Test
  void historyPassesItsLimitAndRefusesZero() {
    CliHarness cli = new CliHarness(dir);

    assertThat(cli.run("history", "--limit", "5")).isZero();
    assertThat(cli.run("history")).isZero();
    assertThat(cli.run("history", "--limit", "0")).isEqualTo(ExitCodes.USAGE);

    assertThat(cli.system.requests).containsExactly("history 5", "history 20");
  }

  @Test
  void globalOptionsWorkAfterTheSubcommandToo() {
    CliHarness cli = new CliHarness(dir);

    assertThat(cli.run("status", "--lang", "en")).isZero();

    assertThat(cli.out()).contains("No run in progress.");
  }

  @Test
  void demoGetsItsArgumentsAndNeedsNoConfiguration() {
    CliHarness cli = new CliHarness(dir, "not: [valid");

    assertThat(cli.run("--lang", "en", "demo", "--fast", "scenario-2")).isZero();

    assertThat(cli.demoCalls).containsExactly(List.of("--fast", "scenario-2"));
    assertThat(cli.system.recoverCalls).isZero();
  }

  @Test
  void backupIsTakenAsTheCliActor() {
    CliHarness cli = new CliHarness(dir);
    cli.system.backup = () -> Backups.record("bk-1");

    assertThat(cli.run("--lang", "en", "backup")).isZero();

    assertThat(cli.system.requests).containsExactly("backup cli:tester");
    assertThat(cli.out()).contains("Backup bk-1 stored");
  }

  @Test
  void restoreNeedsConfirmationAndVerifyNamesTheBackup() {
    CliHarness cli = new CliHarness(dir);
    cli.system.backup = () -> Backups.record("safety-1");
    cli.system.backups = java.util.List.of(Backups.record("bk-1"));

    assertThat(cli.run("--lang", "en", "restore", "bk-1")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("add --yes");
    assertThat(cli.run("--lang", "en", "restore", "bk-1", "--yes")).isZero();
    assertThat(cli.out()).contains("safety backup safety-1");
    assertThat(cli.run("--lang", "en", "backup", "verify", "bk-1")).isZero();
    assertThat(cli.out()).contains("Backup bk-1 is usable: 2 tables, 5 rows.");

    assertThat(cli.system.requests).containsExactly("restore bk-1 cli:tester", "verify bk-1 cli:tester");
  }

}

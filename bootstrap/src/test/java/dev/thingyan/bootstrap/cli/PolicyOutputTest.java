package dev.thingyan.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.in.DatabaseDecisionRequiredException;
import dev.thingyan.ports.in.QueryRuns;
import dev.thingyan.ports.in.UpdateCheck;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.FailedRelease;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.Version;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failed-release and database-decision texts, in Burmese (the default) and English. */
class PolicyOutputTest {
  private static final String MYANMAR = "(?s).*[\\u1000-\\u109F].*";
  private static final FailedRelease FAILED = new FailedRelease(Version.parse("1.2.0"), new RunId("r-9"),
      RunState.FAILED, Instant.parse("2026-04-13T05:33:04Z"));

  @TempDir Path dir;

  @Test
  void checkAndStatusSayWhichFailedReleaseIsNotOfferedAgainAndHowToRetryIt() {
    CliHarness cli = new CliHarness(dir);
    cli.system.check = () -> new UpdateCheck(Optional.of(Version.parse("1.1.0")), Optional.empty(), List.of(),
        List.of(FAILED));
    cli.system.status = new QueryRuns.Status(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        false, List.of(new FailedRelease(Version.parse("1.2.0"), new RunId("r-9"), RunState.ROLLBACK_FAILED,
            Instant.parse("2026-04-13T05:33:04Z"))));

    cli.run("--lang", "en", "check");
    assertThat(cli.out()).contains("1.2.0 failed on 2026-04-13 12:03:04 and was rolled back; not offered again. "
        + "To retry it: thingyan apply 1.2.0");
    cli.run("check");
    assertThat(cli.out()).matches(MYANMAR).contains("1.2.0 သည်").contains("thingyan apply 1.2.0")
        .doesNotContain("not offered");

    cli.run("--lang", "en", "status");
    assertThat(cli.out()).contains("1.2.0 failed on 2026-04-13 12:03:04 and its rollback failed too");
    cli.run("status");
    assertThat(cli.out()).matches(MYANMAR).contains("thingyan apply 1.2.0").doesNotContain("rollback failed");
  }

  @Test
  void aRefusedDatabaseDecisionSaysWhatChangedAndWhatEachFlagDoesInBothLanguages() {
    CliHarness cli = new CliHarness(dir);
    cli.system.rollback = r -> {
      throw new DatabaseDecisionRequiredException("english detail", DatabaseDecisionRequiredException.Why.SCHEMA_CHANGED,
          "b-7", "2024_01_01", "2024_02_01", "1.0.0");
    };

    assertThat(cli.run("--lang", "en", "rollback")).isEqualTo(ExitCodes.REFUSED);
    assertThat(cli.err()).contains("The database schema changed since backup b-7", "(2024_01_01 then, 2024_02_01 now)",
        "would run 1.0.0 on the newer schema", "  --restore-db  restore backup b-7", "  --keep-db     keep the database",
        "Run the rollback again with one of them.");

    assertThat(cli.run("rollback")).isEqualTo(ExitCodes.REFUSED);
    assertThat(cli.err()).matches(MYANMAR).contains("b-7", "2024_01_01", "2024_02_01", "--restore-db", "--keep-db")
        .doesNotContain("english detail");
  }

  @Test
  void withNoBackupOnlyKeepingIsOffered() {
    CliHarness cli = new CliHarness(dir);
    cli.system.rollback = r -> {
      throw new DatabaseDecisionRequiredException("no backup", DatabaseDecisionRequiredException.Why.NO_BACKUP,
          null, null, "2024_02_01", "1.0.0");
    };

    assertThat(cli.run("--lang", "en", "rollback")).isEqualTo(ExitCodes.REFUSED);
    assertThat(cli.err()).contains("No pre-update backup is recorded", "--keep-db").doesNotContain("--restore-db");
  }

  @Test
  void aFinishedRollbackSaysWhatItDidWithTheDatabase() {
    CliHarness cli = new CliHarness(dir);
    cli.system.rollback = r -> manual(Optional.of("b-1"));
    assertThat(cli.run("--lang", "en", "rollback", "--restore-db")).isZero();
    assertThat(cli.out()).contains("Database: restored from backup b-1");

    cli.system.rollback = r -> manual(Optional.empty());
    assertThat(cli.run("--lang", "en", "rollback", "--keep-db")).isZero();
    assertThat(cli.out()).contains("Database: kept as it is, as you chose (--keep-db).");
    assertThat(cli.run("--lang", "en", "rollback")).isZero();
    assertThat(cli.out()).contains("Database: kept as it is; its schema has not changed");
    assertThat(cli.run("rollback")).isZero();
    assertThat(cli.out()).matches(MYANMAR).contains("Database: ");
  }

  private static Run manual(Optional<String> backup) {
    Instant at = Instant.parse("2026-04-13T05:33:04Z");
    return new Run(new RunId("r-3"), RunKind.ROLLBACK, RunState.COMPLETED, Optional.of(Version.parse("1.1.0")),
        Optional.of(Version.parse("1.0.0")), new Actor("cli:tester"), at, at.plusSeconds(30),
        Optional.of(Path.of("/srv/pms/releases/1.0.0-20260101000000")), Optional.empty(), backup,
        Run.Awaiting.NOTHING, Optional.empty(), Optional.empty(), RunOptions.DEFAULT);
  }
}

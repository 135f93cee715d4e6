package dev.thingyan.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.config.ConfigFiles;
import dev.thingyan.ports.in.PrecheckFinding;
import dev.thingyan.ports.in.QueryRuns;
import dev.thingyan.ports.in.UpdateCheck;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.Version;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario 5: an open folio blocks the update, and the CLI says why in Burmese or English. */
class AppPrecheckReasonOutputTest {
  private static final String MY = "ငွေမရှင်းရသေးသော folio ရှိနေသည်။ ငွေရှင်းပြီးမှ update လုပ်ပါ။";
  private static final String EN = "An open folio still has a balance. Settle it before updating.";
  private static final String FOUND = "open_folios: 1 row(s), e.g. id=7";
  private static final String YAML = ConfigFiles.MINIMAL + """
      prechecks:
        app:
          - name: open_folios
            sql: "SELECT id FROM folios WHERE balance <> 0"
            reason:
              my: "%s"
              en: "%s"
          - name: night_audit
            sql: "SELECT id FROM audits WHERE running"
      """.formatted(MY, EN);

  @TempDir Path dir;

  private final Run stopped = Runs.withReason(Runs.run("r-5", RunState.PRECHECK_FAILED),
      "precheck failed: app:open_folios: " + FOUND);

  private CliHarness cli() {
    CliHarness cli = new CliHarness(dir, YAML);
    cli.system.check = () -> new UpdateCheck(Optional.of(Version.parse("1.2.0")), Optional.empty(),
        List.of(new PrecheckFinding("disk_space", true, true, "9 GB free"),
            new PrecheckFinding("app:open_folios", false, true, FOUND),
            new PrecheckFinding("app:night_audit", false, false, "night_audit: 1 row(s), e.g. id=2")));
    cli.system.apply = r -> stopped;
    cli.system.details.put(stopped.id(), new QueryRuns.Detail(stopped, List.of(), List.of()));
    cli.system.status = new QueryRuns.Status(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(stopped), false);
    return cli;
  }

  @Test
  void checkShowsTheReasonInBurmeseWithTheFrameAndWhatWasFound() {
    CliHarness cli = cli();

    assertThat(cli.run("check")).isEqualTo(ExitCodes.FAILED);

    assertThat(cli.out())
        .contains("\u2717 app:open_folios: " + MY + " (update ကို တားဆီးသည်)")
        .contains("      တွေ့ရှိချက်: " + FOUND)
        // a precheck without a reason still shows what it found, as before
        .contains("! app:night_audit: night_audit: 1 row(s), e.g. id=2 (သတိပေးချက်)")
        .doesNotContain(EN);
  }

  @Test
  void checkShowsTheReasonInEnglish() {
    CliHarness cli = cli();

    cli.run("--lang", "en", "check");

    assertThat(cli.out())
        .contains("\u2717 app:open_folios: " + EN + " (blocks the update)")
        .contains("      found: " + FOUND)
        .doesNotContain(MY);
  }

  @Test
  void applyShowAndStatusNameTheReasonOfTheRunThePrechecksStopped() {
    CliHarness cli = cli();

    assertThat(cli.run("apply")).isEqualTo(ExitCodes.FAILED);
    assertThat(cli.out()).contains("app:open_folios က update ကို တားဆီးထားသည်: " + MY);

    cli.run("--lang", "en", "apply");
    assertThat(cli.out()).contains("app:open_folios blocks the update: " + EN).doesNotContain(MY);

    cli.run("show", "r-5");
    assertThat(cli.out()).contains("app:open_folios က update ကို တားဆီးထားသည်: " + MY);
    cli.run("--lang", "en", "show", "r-5");
    assertThat(cli.out()).contains("app:open_folios blocks the update: " + EN);

    cli.run("status");
    assertThat(cli.out()).contains("  app:open_folios က update ကို တားဆီးထားသည်: " + MY);
    cli.run("--lang", "en", "status");
    assertThat(cli.out()).contains("  app:open_folios blocks the update: " + EN);
  }

  @Test
  void aRunThatEndedOtherwiseIsNotBlamedOnAPrecheck() {
    CliHarness cli = cli();
    cli.system.apply = r -> Runs.withReason(Runs.run("r-6", RunState.FAILED),
        "health check failed; app:open_folios: was fine");

    cli.run("--lang", "en", "apply");

    assertThat(cli.out()).doesNotContain("blocks the update");
  }
}

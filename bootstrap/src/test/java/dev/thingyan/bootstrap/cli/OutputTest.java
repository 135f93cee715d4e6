package dev.thingyan.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thingyan.bootstrap.config.ConfigFiles;
import dev.thingyan.ports.in.QueryRuns;
import dev.thingyan.ports.model.InstalledRelease;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.Version;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTest {
  private static final String MYANMAR = ".*[\\u1000-\\u109F].*";

  @TempDir Path dir;

  private static QueryRuns.Status status() {
    return new QueryRuns.Status(
        Optional.of(new InstalledRelease(Path.of("/srv/pms/releases/1.3.0-20260413053304"),
            Optional.of(Version.parse("1.3.0")))),
        Optional.empty(), Optional.empty(), Optional.of(Runs.run("r-1", RunState.COMPLETED)), false);
  }

  @Test
  void statusJsonHasSnakeCaseKeysNullsAndStrings() throws Exception {
    CliHarness cli = new CliHarness(dir);
    cli.system.status = status();

    assertThat(cli.run("status", "--json")).isZero();

    JsonNode json = new ObjectMapper().readTree(cli.out());
    assertThat(json.fieldNames()).toIterable()
        .containsExactly("current", "active", "blocking", "last", "maintenance", "gate", "not_offered");
    assertThat(json.get("current").get("dir").asText()).isEqualTo("/srv/pms/releases/1.3.0-20260413053304");
    assertThat(json.get("current").get("version").asText()).isEqualTo("1.3.0");
    assertThat(json.get("active").isNull()).isTrue();
    JsonNode last = json.get("last");
    assertThat(last.get("id").asText()).isEqualTo("r-1");
    assertThat(last.get("state").asText()).isEqualTo("completed");
    assertThat(last.get("kind").asText()).isEqualTo("update");
    assertThat(last.get("from_version").asText()).isEqualTo("1.2.0");
    assertThat(last.get("started_at").asText()).isEqualTo("2026-04-13T05:33:04Z");
    assertThat(last.get("previous_release_dir").isNull()).isTrue();
    assertThat(last.get("requested_by").asText()).isEqualTo("cli:tester");
    assertThat(last.get("options").get("allow_downgrade").asBoolean()).isFalse();
    assertThat(json.get("maintenance").asBoolean()).isFalse();
    assertThat(json.get("gate").get("up").asBoolean()).isFalse();
    assertThat(json.get("gate").get("app_gate_without_flag").asBoolean()).isFalse();
  }

  @Test
  void burmeseIsTheDefaultAndEnglishIsOneOptionAway() {
    CliHarness cli = new CliHarness(dir);
    cli.system.status = status();

    cli.run("status");
    assertThat(cli.out()).contains("လက်ရှိ release: 1.3.0").contains("completed · ပြီးဆုံး")
        .contains("12:03:04");

    cli.run("--lang", "en", "status");
    assertThat(cli.out()).contains("Current release: 1.3.0").contains("completed")
        .doesNotMatch("(?s)" + MYANMAR);
  }

  @Test
  void theConfiguredLanguageIsUsedWhenNoneIsAskedFor() {
    CliHarness cli = new CliHarness(dir, ConfigFiles.MINIMAL + "ui:\n  language: en\n");

    cli.run("history");

    assertThat(cli.out()).isEqualTo("No runs yet." + System.lineSeparator());
  }

  @Test
  void applyPrintsTransitionsStepsAndHookOutputLive() {
    CliHarness cli = new CliHarness(dir);
    RunId id = new RunId("r-1");
    cli.system.apply = r -> {
      cli.system.emit(event(1, id, RunState.BACKUP_RUNNING, null, "checking -> backup_running"));
      cli.system.emit(event(2, id, RunState.APPLYING, "warm", "step started"));
      cli.system.emit(event(3, id, RunState.APPLYING, "warm", "Configuration cached successfully!"));
      return Runs.run("r-1", RunState.COMPLETED);
    };

    cli.run("apply");

    assertThat(cli.out()).contains(
        "→ backup_running · Backup ယူနေသည်  (12:03:04)",
        "→ applying · ထည့်သွင်းနေသည်  (12:03:04)",
        "  • warm",
        "      Configuration cached successfully!",
        "Run r-1 ၏ ရလဒ်: completed · ပြီးဆုံး");
  }

  @Test
  void recoveryRunsFirstAndIsReportedOnStderr() {
    CliHarness cli = new CliHarness(dir);
    cli.system.recovered = () -> Optional.of(Runs.withReason(Runs.run("r-0", RunState.FAILED),
        "process killed while applying; rolled back"));

    assertThat(cli.run("--lang", "en", "status", "--json")).isZero();

    assertThat(cli.system.recoverCalls).isEqualTo(1);
    assertThat(cli.err()).contains("Recovered the unfinished run r-0: failed")
        .contains("Reason: process killed while applying; rolled back");
    assertThat(cli.out()).startsWith("{");
  }

  @Test
  void helpIsInBurmeseByDefault() {
    CliHarness cli = new CliHarness(dir);

    assertThat(cli.run("--help")).isZero();
    assertThat(cli.out()).contains("အသုံးပြုပုံ:").contains("ယခု update လုပ်မည်");

    cli.run("--lang", "en", "apply", "--help");
    assertThat(cli.out()).contains("Usage:").contains("--allow-downgrade")
        .contains("Allow installing a version lower");
  }

  @Test
  void historyAndBackupsPrintOneLineEach() {
    CliHarness cli = new CliHarness(dir);
    cli.system.history = List.of(Runs.run("r-2", RunState.FAILED), Runs.run("r-1", RunState.COMPLETED));
    cli.system.backups = List.of(Backups.record("bk-1"));

    cli.run("--lang", "en", "history");
    assertThat(cli.out().lines()).hasSize(2).first().asString()
        .startsWith("r-2  update  failed  1.2.0 → 1.3.0  2026-04-13 12:03:04  cli:tester");
    cli.run("backups", "--json");
    assertThat(cli.out()).contains("\"backup_id\" : \"bk-1\"").contains("\"kind\" : \"pre_update\"");
  }

  private static RunEvent event(long seq, RunId id, RunState state, String step, String message) {
    return new RunEvent(seq, id, Runs.STARTED, state, Optional.ofNullable(step), LogLevel.INFO, message);
  }
}

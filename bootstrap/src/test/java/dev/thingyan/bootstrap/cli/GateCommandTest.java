package dev.thingyan.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.in.GateRefusedException;
import dev.thingyan.ports.in.QueryRuns;
import dev.thingyan.ports.model.GateStatus;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code thingyan gate on|off}, and the gate in {@code status}, in both languages. */
class GateCommandTest {
  private static final String MYANMAR = "(?s).*[\\u1000-\\u109F].*";

  @TempDir Path dir;

  @Test
  void gateOnRaisesItWithTheReasonAndTheActor() {
    CliHarness cli = new CliHarness(dir);

    assertThat(cli.run("gate", "on", "--reason", "night audit", "--lang", "en")).isZero();

    assertThat(cli.system.requests).containsExactly("gate on cli:tester night audit");
    assertThat(cli.out()).contains("The maintenance gate is up");
  }

  @Test
  void gateOffLowersItAndSaysSoInBurmeseByDefault() {
    CliHarness cli = new CliHarness(dir);

    assertThat(cli.run("gate", "off")).isZero();

    assertThat(cli.system.requests).containsExactly("gate off cli:tester " + GateCommand.DEFAULT_REASON);
    assertThat(cli.out()).matches(MYANMAR).contains("gate");
  }

  @Test
  void anUnhealthyAppKeepsTheGateUpAndTheRefusalSaysWhatToDo() {
    CliHarness cli = new CliHarness(dir);
    cli.system.lowerGate = () -> {
      throw new GateRefusedException(GateRefusedException.Why.UNHEALTHY,
          "health check failed at attempt 1: http /health: GET http://127.0.0.1/health -> 500");
    };

    assertThat(cli.run("gate", "off", "--lang", "en")).isEqualTo(ExitCodes.REFUSED);
    assertThat(cli.err()).contains("does not answer healthy", "-> 500", "thingyan rollback");

    assertThat(cli.run("gate", "off", "--lang", "my")).isEqualTo(ExitCodes.REFUSED);
    assertThat(cli.err()).matches(MYANMAR).contains("-> 500");
  }

  @Test
  void anythingButOnOrOffIsAUsageError() {
    CliHarness cli = new CliHarness(dir);

    assertThat(cli.run("gate", "up")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.system.requests).isEmpty();
  }

  @Test
  void statusShowsWhyTheGateIsUpAndWarnsAboutAnAppPutDownByHand() {
    CliHarness cli = new CliHarness(dir);
    cli.system.status = new QueryRuns.Status(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), true, new GateStatus(true, Optional.of("rollback of run r-9"), false));

    assertThat(cli.run("status", "--lang", "en")).isZero();
    assertThat(cli.out()).contains("Maintenance mode: on", "Raised because: rollback of run r-9")
        .doesNotContain("Warning");

    cli.system.status = new QueryRuns.Status(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), false, new GateStatus(false, Optional.empty(), true));
    assertThat(cli.run("status", "--lang", "en")).isZero();
    assertThat(cli.out()).contains("Maintenance mode: off", "Warning: the app is in its own maintenance mode",
        "thingyan gate off");
  }
}

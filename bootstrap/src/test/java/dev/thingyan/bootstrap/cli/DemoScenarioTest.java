package dev.thingyan.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.config.Language;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README's first command: the whole demo, for real (sample app processes, signed releases, rollback). */
class DemoScenarioTest {

  @Test
  void theDemoInstallsUpdatesAndRollsBackByItselfThenExitsZero() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit = DemoScenario.runner().run(List.of(), Language.EN, new PrintWriter(out, true), new PrintWriter(err, true));

    String text = out.toString();
    assertThat(exit).as("stdout:%n%s%nstderr:%n%s", text, err).isZero();
    assertThat(text).contains("→ checking").contains("→ backup_running").contains("→ migrating")
        .contains("→ health_check").contains("→ completed").contains("→ rollback_running").contains("→ failed");
    assertThat(text).contains("step db_restore succeeded").contains("\"app_version\":\"1.1.0\"");
    assertThat(text).as("no expectation of the demo failed").doesNotContainPattern("(?m)^  ✗ ");
  }
}

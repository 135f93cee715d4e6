package dev.thingyan.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.bootstrap.config.Language;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's first command: the whole demo, for real (sample app processes, signed releases, rollback). */
class DemoScenarioTest {
  @TempDir Path temp;

  @Test
  void theDemoInstallsUpdatesAndRollsBackByItselfThenExitsZeroLeavingNoFolder() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit = DemoScenario.runner(temp).run(List.of(), Language.EN, new PrintWriter(out, true), new PrintWriter(err, true));

    String text = out.toString();
    assertThat(exit).as("stdout:%n%s%nstderr:%n%s", text, err).isZero();
    assertThat(text).contains("→ checking").contains("→ backup_running").contains("→ migrating")
        .contains("→ health_check").contains("→ completed").contains("→ rollback_running").contains("→ failed");
    assertThat(text).contains("step db_restore succeeded").contains("\"app_version\":\"1.1.0\"");
    assertThat(text).as("no expectation of the demo failed").doesNotContainPattern("(?m)^  ✗ ");
    try (var left = Files.list(temp)) {
      assertThat(left).as("the demo removes its folder").isEmpty();
    }
    assertThat(text).doesNotContain("demo folder kept");
  }

  @Test
  void anUnknownDemoOptionIsAUsageErrorAndMakesNoFolder() throws Exception {
    StringWriter err = new StringWriter();

    int exit = DemoScenario.runner(temp).run(List.of("--kep"), Language.EN,
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--kep").contains("[--keep]");
    try (var left = Files.list(temp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void demoFolderRemovalTakesNestedFiles() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("thingyan-demo-x/app/releases/v1"));
    Files.writeString(dir.resolve("index.php"), "<?php");

    DemoFolder.remove(temp.resolve("thingyan-demo-x"), new PrintWriter(new StringWriter(), true), Language.EN);

    assertThat(temp.resolve("thingyan-demo-x")).doesNotExist();
  }
}

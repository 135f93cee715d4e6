package dev.thingyan.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.in.PrecheckFinding;
import dev.thingyan.ports.in.UpdateCheck;
import dev.thingyan.ports.model.Version;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed access precheck shows what to run under the catalogue's words, in both languages. */
class AccessFindingOutputTest {
  private static final String GRANT = "GRANT ALL PRIVILEGES ON `thingyan\\_%`.* TO 'pms'@'localhost';";
  private static final String CHOWN = "chown -R www-data:www-data /srv/pms/shared/storage";

  @TempDir Path dir;

  private CliHarness cli() {
    CliHarness cli = new CliHarness(dir);
    cli.system.check = () -> new UpdateCheck(Optional.of(Version.parse("1.2.0")), Optional.empty(),
        List.of(new PrecheckFinding("database_privileges", false, true,
                "'pms'@'localhost': the restore's scratch databases thingyan_% cannot be used",
                List.of(GRANT)),
            new PrecheckFinding("app_files_writable", false, true,
                "1 path(s) under /srv/pms/shared/storage that www-data cannot write", List.of(CHOWN)),
            new PrecheckFinding("disk_space", true, true, "9 GB free", List.of())));
    return cli;
  }

  @Test
  void burmese() {
    CliHarness cli = cli();

    cli.run("check");

    assertThat(cli.out()).contains("(update ကို တားဆီးသည်)" + System.lineSeparator()
        + "      ပြင်ရန် အောက်ပါ command ကို run ပါ:" + System.lineSeparator() + "        " + GRANT)
        .contains("        " + CHOWN);
  }

  @Test
  void english() {
    CliHarness cli = cli();

    cli.run("--lang", "en", "check");

    assertThat(cli.out()).contains("(blocks the update)" + System.lineSeparator()
        + "      To fix it, run:" + System.lineSeparator() + "        " + GRANT)
        .contains("        " + CHOWN)
        .doesNotContain("run ပါ");
  }
}

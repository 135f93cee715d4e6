package dev.thingyan.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/thingyan builds the jar on a first run: Maven must be asked for plain text, since a
 * newcomer's first screen otherwise shows raw ANSI colour codes in a log or a pipe. A stand-in
 * {@code mvn} on the PATH records what it was asked and writes a colour code only if colour was
 * not turned off.
 */
class LauncherBuildOutputTest {
  @TempDir Path dir;

  @Test
  void theFirstBuildAsksMavenForPlainTextWithoutProgress() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path mvn = bin.resolve("mvn");
    Files.writeString(mvn, """
        #!/bin/sh
        echo "mvn $*"
        case "$*" in *-Dstyle.color=never*) ;; *) printf '\\033[1;31mERROR\\033[m\\n' ;; esac
        exit 1
        """);
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path launcher = Path.of("..", "bin", "thingyan").toAbsolutePath().normalize();

    ProcessBuilder pb = new ProcessBuilder("sh", launcher.toString(), "status").redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("THINGYAN_JAR", dir.resolve("missing.jar").toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor()).isEqualTo(4);
    assertThat(output).contains("-B").contains("--no-transfer-progress")
        .contains("-Dstyle.color=never").doesNotContain("\u001b[");
  }
}

package dev.thingyan.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code thingyan demo --keep} as its own process (Main.main, the real logging binding): the
 * story alone on the output (no metrics lines on stderr), and the kept folder named and there.
 */
class DemoProcessTest {
  @TempDir Path temp;

  @Test
  void keepPrintsWhereTheFolderIsAndMetricsStayOffTheStory() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(List.of(java.toString(), "-Djava.io.tmpdir=" + temp,
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "--lang", "en", "demo", "--keep")).start();
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
      try {
        return p.getErrorStream().readAllBytes();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String errText = new String(err.get(), StandardCharsets.UTF_8);

    assertThat(p.waitFor()).as("stdout:%n%s%nstderr:%n%s", out, errText).isZero();
    assertThat(errText).doesNotContain("metrics.");
    assertThat(out).contains("== demo folder kept: " + temp.toRealPath());
    try (var kept = Files.list(temp)) {
      assertThat(kept).anySatisfy(d -> assertThat(d.getFileName().toString()).startsWith("thingyan-demo-"));
    }
  }
}

package dev.thingyan.bootstrap.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real CLI ({@code dev.thingyan.bootstrap.cli.Main}) run as a separate JVM on this test's class
 * path, as an admin's shell runs {@code thingyan}. Closing it kills the process if it still runs.
 */
final class CliProcess implements AutoCloseable {

  private static final long TIMEOUT_SECONDS = 180;

  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private CliProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  /** Starts {@code thingyan --config config --lang en command...}; output goes to files in workDir. */
  static CliProcess start(Path workDir, String name, Path config, String... command) throws IOException {
    List<String> line = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "dev.thingyan.bootstrap.cli.Main", "--config", config.toString(), "--lang", "en"));
    line.addAll(List.of(command));
    Path out = workDir.resolve(name + ".out");
    Path err = workDir.resolve(name + ".err");
    return new CliProcess(new ProcessBuilder(line).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start(), out, err);
  }

  Result await() throws IOException, InterruptedException {
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError("the CLI did not end within " + TIMEOUT_SECONDS + " s; stderr so far:\n"
          + Files.readString(stderr));
    }
    return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}

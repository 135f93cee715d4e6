package dev.thingyan.bootstrap.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The thingyan CLI in a child JVM ({@code java -cp <this test's classpath> ...cli.Main}), as an
 * admin or a service manager would start it; its stdout and stderr go to files under
 * {@code logs}, kept for the reader of a failed trial. A child still running when its caller is
 * done is killed with everything it started.
 */
final class ThingyanProcess implements AutoCloseable {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);
  private static String classpath;
  private final Process process;
  private final Path stdout;
  private final Path stderr;
  private final long startNanos = System.nanoTime();
  private final String label;

  private ThingyanProcess(Process process, Path stdout, Path stderr, String label) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
    this.label = label;
  }

  /** The finished command: exit code, output and how long the child ran. */
  record Result(String label, int exit, String out, String err, Duration took) {
    boolean killedBySigkill() {
      return exit == 137;
    }

    @Override
    public String toString() {
      return label + " exited " + exit + " after " + took.toMillis() + " ms\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /** Starts {@code thingyan --lang en --config <config> <args>} with extra environment variables. */
  static ThingyanProcess start(Path logs, String label, Path config, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-cp", classpath(),
        "dev.thingyan.bootstrap.cli.Main", "--lang", "en", "--config", config.toString()));
    command.addAll(List.of(args));
    try {
      Files.createDirectories(logs);
      Path out = logs.resolve(label + ".out");
      Path err = logs.resolve(label + ".err");
      ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().remove("THINGYAN_FAULT");
      pb.environment().putAll(env);
      return new ThingyanProcess(pb.start(), out, err, label);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start a thingyan child JVM", e);
    }
  }

  /** Runs a command to its end. */
  static Result run(Path logs, String label, Path config, Map<String, String> env, String... args) {
    try (ThingyanProcess p = start(logs, label, config, env, args)) {
      return p.await(DEFAULT_TIMEOUT);
    }
  }

  /**
   * This test's class path, with the jars from outside the build folder copied into it first: a
   * parallel {@code mvn install} of a module must not swap a jar under a child JVM that is
   * loading classes from it.
   */
  static synchronized String classpath() {
    if (classpath == null) {
      Path build = TestPaths.buildDir();
      Path copies = build.resolve("crash-classpath");
      List<String> entries = new ArrayList<>();
      int n = 0;
      try {
        Files.createDirectories(copies);
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
          Path path = Path.of(entry).toAbsolutePath();
          if (Files.isRegularFile(path) && !path.startsWith(build)) {
            Path copy = copies.resolve(n++ + "-" + path.getFileName());
            Files.copy(path, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            entries.add(copy.toString());
          } else {
            entries.add(entry);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("could not copy the class path for the child JVMs", e);
      }
      classpath = String.join(java.io.File.pathSeparator, entries);
    }
    return classpath;
  }

  long pid() {
    return process.pid();
  }

  /** @return what the child printed to stdout so far */
  String outSoFar() {
    return read(stdout);
  }

  /** Waits until {@code condition} holds or the child exits; @return whether it held. */
  boolean waitUntil(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (!process.isAlive()) {
        return condition.getAsBoolean();
      }
      sleep(50);
    }
    return false;
  }

  /** A power cut: SIGKILL for the child and every process it started (hooks), at once. */
  void powerCut() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    process.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
  }

  /** A SIGKILL for the child JVM alone: the hooks it started run on, orphaned (the OOM killer's way). */
  void killJvmOnly() {
    process.destroyForcibly();
  }

  Result await(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        powerCut();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(label + " did not finish within " + timeout + "\n--- stdout\n" + read(stdout)
            + "\n--- stderr\n" + read(stderr));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      powerCut();
      throw new AssertionError("interrupted while waiting for " + label, e);
    }
    Result r = new Result(label, process.exitValue(), read(stdout), read(stderr),
        Duration.ofNanos(System.nanoTime() - startNanos));
    try {
      Files.writeString(stdout.resolveSibling("timings.txt"), String.format("%-70s exit %3d  %6.1f s%n", label, r.exit(),
          r.took().toMillis() / 1000.0), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      // only a convenience for the reader
    }
    return r;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      powerCut();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}

package dev.thingyan.e2e;

import java.io.File;
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

/** Child processes of the harness: each dies with the test JVM's stack (closed in @AfterAll). */
final class Proc {

  static final String APP_USER = "www-data";

  private Proc() {}

  record Result(List<String> command, int exit, String out, Duration took) {
    Result ok() {
      if (exit != 0) {
        throw new AssertionError(String.join(" ", command) + " exited " + exit + ":\n" + out);
      }
      return this;
    }
  }

  /**
   * {@code setpriv} to the app user: what {@code User=www-data} in a systemd unit does. The child
   * gets SIGKILL if the test JVM dies first (no orphan is left for CI): set by a second setpriv
   * once the user is changed, since the kernel clears the parent-death signal on a change of user.
   */
  static List<String> asAppUser(List<String> command) {
    List<String> c = new ArrayList<>(List.of("setpriv", "--reuid=" + APP_USER, "--regid=" + APP_USER,
        "--init-groups", "--", "setpriv", "--pdeathsig=KILL", "--"));
    c.addAll(command);
    return c;
  }

  /** Runs to the end (stdout and stderr together), killed after the timeout. */
  static Result run(Duration timeout, Path dir, Map<String, String> env, List<String> command) {
    long start = System.nanoTime();
    try {
      File out = File.createTempFile("e2e-proc", ".out");
      try {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(out).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (dir != null) {
          pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          kill(p);
          throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
              + ":\n" + Files.readString(out.toPath(), StandardCharsets.UTF_8));
        }
        return new Result(command, p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
            Duration.ofNanos(System.nanoTime() - start));
      } finally {
        out.delete();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** A service that stops (SIGTERM: nginx and PHP-FPM then stop their workers) when the test JVM dies. */
  static List<String> diesWithTheTests(List<String> command) {
    List<String> c = new ArrayList<>(List.of("setpriv", "--pdeathsig=TERM", "--"));
    c.addAll(command);
    return c;
  }

  static Result run(List<String> command) {
    return run(Duration.ofMinutes(2), null, Map.of(), command);
  }

  static Result sh(String script) {
    return run(List.of("/bin/sh", "-c", script));
  }

  /** SIGKILL for the process and everything it started. */
  static void kill(Process p) {
    List<ProcessHandle> tree = p.descendants().toList();
    p.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
    try {
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, then SIGKILL after the grace period. */
  static void stop(Process p, Duration grace) {
    if (!p.isAlive()) {
      return;
    }
    List<ProcessHandle> tree = p.descendants().toList();
    p.destroy();
    try {
      if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(p);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    tree.forEach(ProcessHandle::destroyForcibly);
  }
}

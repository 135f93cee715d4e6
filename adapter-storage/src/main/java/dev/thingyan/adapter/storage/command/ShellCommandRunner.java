package dev.thingyan.adapter.storage.command;

import dev.thingyan.adapter.storage.owner.AppUser;
import dev.thingyan.ports.model.CommandResult;
import dev.thingyan.ports.out.CommandRunner;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs hook commands with {@code /bin/sh -c} in a folder. Stdin is empty (a command waiting for
 * input would hang until its timeout); stdout and stderr are read by two threads and passed to
 * the sink line by line as they come, one line at a time. On timeout the command is killed with
 * every process it started.
 *
 * <p>Run as root with an app user configured, each command runs as that user: {@code setpriv
 * --reuid --regid --init-groups} (util-linux) replaces itself with the shell, so the command keeps
 * the process id the timeout kills, and files a hook writes (compiled views, caches, logs) belong
 * to the user the web server runs as. HOME, USER and LOGNAME are the app user's; the THINGYAN_*
 * variables and the rest of the environment are kept.
 */
public final class ShellCommandRunner implements CommandRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ShellCommandRunner.class);
  /** How long output may still arrive after the command exited (a child may hold the pipe). */
  private static final Duration DRAIN = Duration.ofSeconds(2);

  private final Optional<AppUser> runAs;

  /** Creates a runner whose commands run as this process's user. */
  public ShellCommandRunner() {
    this.runAs = Optional.empty();
  }

  private ShellCommandRunner(AppUser app) {
    this.runAs = Optional.of(app);
  }

  /**
   * A runner whose commands run as {@code app}.
   *
   * @param self the user this process runs as
   * @throws IllegalArgumentException when {@code self} is neither root nor {@code app}: only root
   *     may switch users
   */
  public static ShellCommandRunner runningAs(AppUser app, AppUser self) {
    if (app.uid() == self.uid()) {
      return new ShellCommandRunner();
    }
    if (!self.isRoot()) {
      throw new IllegalArgumentException("app.user: thingyan runs as '" + self.name()
          + "', not root, so it cannot run hooks as '" + app.name() + "'; run thingyan as root"
          + " or as " + app.name() + ", or remove app.user to run hooks as " + self.name());
    }
    return new ShellCommandRunner(app);
  }

  @Override
  public CommandRunner asSelf() {
    return runAs.isEmpty() ? this : new ShellCommandRunner();
  }

  @Override
  public CommandResult run(String command, Path workDir, Map<String, String> env,
      Duration timeout, OutputSink output) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(output, "output");
    long start = System.nanoTime();
    Process process = start(shell(command), workDir, env);
    Output lines = new Output(output);
    Thread out = pump(process, false, lines, command);
    Thread err = pump(process, true, lines, command);
    boolean timedOut = !waitFor(process, timeout);
    if (timedOut) {
      LOG.warn("command timed out after {}, killing it and its children: {}", timeout, command);
      ProcessTree.kill(process.toHandle());
    }
    int exit = exitCode(process);
    drain(out, err, command);
    lines.close();
    return new CommandResult(exit, timedOut, Duration.ofNanos(System.nanoTime() - start));
  }

  private List<String> shell(String command) {
    List<String> argv = new ArrayList<>();
    runAs.ifPresent(u -> argv.addAll(List.of("setpriv", "--reuid=" + u.uid(), "--regid=" + u.gid(),
        "--init-groups", "--")));
    argv.addAll(List.of("/bin/sh", "-c", command));
    return argv;
  }

  private Process start(List<String> argv, Path workDir, Map<String, String> env) {
    String command = argv.get(argv.size() - 1);
    ProcessBuilder builder = new ProcessBuilder(argv)
        .directory(workDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    runAs.ifPresent(u -> {
      builder.environment().put("HOME", u.home().toString());
      builder.environment().put("USER", u.name());
      builder.environment().put("LOGNAME", u.name());
    });
    builder.environment().putAll(env);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + argv.get(0) + " in " + workDir + " ("
          + e.getMessage() + "); check that the folder exists and /bin/sh (and setpriv, from"
          + " util-linux, with app.user) is installed", e);
    }
  }

  private static Thread pump(Process process, boolean stderr, Output lines, String command) {
    LinePump pump = new LinePump(stderr ? process.getErrorStream() : process.getInputStream(),
        line -> lines.line(stderr, line));
    Thread t = new Thread(pump, "cmd-" + (stderr ? "err" : "out") + "-" + process.pid());
    t.setDaemon(true); // a child that keeps the pipe open must not keep the JVM alive
    t.start();
    return t;
  }

  private static boolean waitFor(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ProcessTree.kill(process.toHandle());
      throw new IllegalStateException("interrupted while waiting for a command; it was killed", e);
    }
  }

  private static int exitCode(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static void drain(Thread out, Thread err, String command) {
    long deadline = System.nanoTime() + DRAIN.toNanos();
    try {
      for (Thread t : new Thread[] {out, err}) {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (out.isAlive() || err.isAlive()) {
      LOG.warn("a process started by the command still holds its output open; what it prints "
          + "from now on is not recorded (redirect a background process's output): {}", command);
    }
  }

  /** Serialises the two streams' lines into the sink, and stops passing them on once closed. */
  private static final class Output {
    private final OutputSink sink;
    private boolean closed;

    Output(OutputSink sink) {
      this.sink = sink;
    }

    synchronized void line(boolean stderr, String line) {
      if (!closed) {
        sink.line(stderr, line);
      }
    }

    synchronized void close() {
      closed = true;
    }
  }
}

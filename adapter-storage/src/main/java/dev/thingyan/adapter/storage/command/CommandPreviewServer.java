package dev.thingyan.adapter.storage.command;

import dev.thingyan.adapter.storage.owner.AppUser;
import dev.thingyan.ports.out.CommandRunner;
import dev.thingyan.ports.out.PreviewServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The preview by a throwaway server a command starts for the staged release, e.g. Laravel's
 * {@code php -S 127.0.0.1:{port} -t {release}/public} ({@code {port}}: a free loopback port, or
 * the configured one; {@code {release}}: the release folder). It runs as the app user (like the
 * hooks), in the release folder, its output in {@code .thingyan/preview-server.log}, and is
 * stopped with every process it started once the check is done.
 *
 * <p>Crash-safe: the port, release and command are written to {@code .thingyan/preview-server}
 * (fsynced) before the server starts, and its pid with its start time right after. A later
 * {@link #stop()} (start-up recovery) stops the recorded process only if its start time matches
 * (a reused pid is left alone); if the pid was never recorded, a process whose command line names
 * the recorded port and release is stopped instead.
 */
public final class CommandPreviewServer implements PreviewServer {

  /** The laravel profile's command. */
  public static final String PHP_BUILT_IN = "php -S 127.0.0.1:{port} -t {release}/public";

  private static final String RECORD = "preview-server";

  private final String command;
  private final int port;
  private final Duration startTimeout;
  private final Path stateDir;
  private final Optional<AppUser> runAs;
  private Process process;

  /**
   * @param command run with {@code /bin/sh -c "exec COMMAND"}: one command that serves (the shell
   *     is replaced, so the pid recorded is the server's)
   * @param port the port to substitute for {@code {port}}; 0 picks a free loopback port
   * @param runAs the app user (thingyan runs as root), or empty for thingyan's own user
   */
  public CommandPreviewServer(String command, int port, Duration startTimeout, Path stateDir, Optional<AppUser> runAs) {
    this.command = Objects.requireNonNull(command, "command");
    if (!command.contains("{port}") && port == 0) {
      throw new IllegalArgumentException("command: name the port as {port}, or configure a fixed port");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: expected 0 (a free port) or 1..65535");
    }
    this.port = port;
    this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
    this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
    this.runAs = Objects.requireNonNull(runAs, "runAs");
  }

  @Override
  public synchronized URI start(Path releaseDir, CommandRunner.OutputSink log) {
    stop().forEach(line -> log.line(false, line));
    int p = port != 0 ? port : freePort();
    String expanded = command.replace("{port}", String.valueOf(p)).replace("{release}", releaseDir.toString());
    PreviewRecord record = new PreviewRecord(stateDir.resolve(RECORD));
    record.write(Map.of("port", String.valueOf(p), "release", releaseDir.toString(), "command", expanded));
    Path output = stateDir.resolve(RECORD + ".log");
    try {
      process = builder(expanded, releaseDir, output).start();
    } catch (IOException e) {
      record.delete();
      throw new UncheckedIOException("could not start the preview server `" + expanded + "`: " + e.getMessage(), e);
    }
    record.write(Map.of("port", String.valueOf(p), "release", releaseDir.toString(), "command", expanded,
        "pid", String.valueOf(process.pid()), "started", started(process.toHandle()).map(Instant::toString).orElse("")));
    log.line(false, "started `" + expanded + "` (pid " + process.pid() + ")");
    waitUntilListening(p, expanded, output);
    return URI.create("http://127.0.0.1:" + p);
  }

  private ProcessBuilder builder(String expanded, Path releaseDir, Path output) {
    List<String> argv = new ArrayList<>();
    runAs.ifPresent(u -> argv.addAll(List.of("setpriv", "--reuid=" + u.uid(), "--regid=" + u.gid(),
        "--init-groups", "--")));
    argv.addAll(List.of("/bin/sh", "-c", "exec " + expanded));
    ProcessBuilder b = new ProcessBuilder(argv).directory(releaseDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true).redirectOutput(output.toFile());
    runAs.ifPresent(u -> {
      b.environment().put("HOME", u.home().toString());
      b.environment().put("USER", u.name());
      b.environment().put("LOGNAME", u.name());
    });
    b.environment().put("THINGYAN_RELEASE_DIR", releaseDir.toString());
    return b;
  }

  private void waitUntilListening(int p, String expanded, Path output) {
    long deadline = System.nanoTime() + startTimeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        String tail = PreviewRecord.tail(output, 600);
        int exit = process.exitValue();
        stop();
        throw new IllegalStateException("the preview server `" + expanded + "` exited (" + exit
            + ") before it listened on 127.0.0.1:" + p + (tail.isBlank() ? "" : "; it said: " + tail));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), p), 500);
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          String tail = PreviewRecord.tail(output, 600);
          stop();
          throw new IllegalStateException("the preview server `" + expanded + "` did not listen on 127.0.0.1:" + p
              + " within " + startTimeout + " (health.preview.start_timeout)" + (tail.isBlank() ? "" : "; it said: " + tail));
        }
        sleep(50);
      }
    }
  }

  @Override
  public synchronized List<String> stop() {
    List<String> stopped = new ArrayList<>();
    if (process != null && process.isAlive()) {
      ProcessTree.kill(process.toHandle());
      stopped.add("stopped the preview server (pid " + process.pid() + ")");
    }
    process = null;
    PreviewRecord record = new PreviewRecord(stateDir.resolve(RECORD));
    Optional<Map<String, String>> left = record.read();
    if (left.isEmpty()) {
      return stopped;
    }
    Map<String, String> r = left.get();
    if (stopped.isEmpty()) {
      leftBehind(r).ifPresent(h -> {
        ProcessTree.kill(h);
        stopped.add("stopped the preview server a stopped process left (pid " + h.pid() + ", port " + r.get("port") + ")");
      });
    }
    record.delete();
    return stopped;
  }

  /** The server a killed thingyan left: by its recorded pid and start time, else by its command line. */
  private static Optional<ProcessHandle> leftBehind(Map<String, String> r) {
    String pid = r.getOrDefault("pid", "");
    if (!pid.isEmpty()) {
      return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive)
          .filter(h -> started(h).map(Instant::toString).orElse("").equals(r.getOrDefault("started", "")));
    }
    String port = r.getOrDefault("port", "");
    String release = r.getOrDefault("release", "");
    return ProcessHandle.allProcesses().filter(h -> h.info().commandLine()
        .filter(c -> !port.isEmpty() && c.contains(":" + port) && c.contains(release)).isPresent())
        .findFirst();
  }

  private static Optional<Instant> started(ProcessHandle h) {
    return h.info().startInstant();
  }

  @Override
  public String describe() {
    return "the throwaway server `" + command + "`";
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port for the preview server: " + e.getMessage(), e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the preview server", e);
    }
  }
}

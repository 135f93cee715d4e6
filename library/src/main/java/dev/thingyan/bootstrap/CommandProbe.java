package dev.thingyan.bootstrap;

import dev.thingyan.ports.model.CommandResult;
import dev.thingyan.ports.model.ProbeContext;
import dev.thingyan.ports.model.ProbeResult;
import dev.thingyan.ports.out.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A health check or queue ping that is a command ({@code health.checks: [{type: command}]}): it
 * passes when the command exits 0 in the current release folder within the timeout.
 */
final class CommandProbe implements dev.thingyan.ports.out.Probe {

  private static final int TAIL_LINES = 5;
  private final CommandRunner runner;
  private final String command;
  private final Path appRoot;
  private final Duration timeout;

  CommandProbe(CommandRunner runner, String command, Path appRoot, Duration timeout) {
    this.runner = runner;
    this.command = command;
    this.appRoot = appRoot;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "command " + command;
  }

  @Override
  public ProbeResult probe(ProbeContext context) {
    Path current = appRoot.resolve("current");
    Path dir = Files.isDirectory(current) ? current : appRoot;
    List<String> tail = new ArrayList<>();
    Map<String, String> env = new java.util.HashMap<>();
    context.expectedVersion().ifPresent(v -> env.put("THINGYAN_EXPECTED_VERSION", v.toString()));
    CommandResult r = runner.run(command, dir, env, timeout, (stderr, line) -> {
      tail.add(line);
      if (tail.size() > TAIL_LINES) tail.remove(0);
    });
    if (r.succeeded()) {
      return ProbeResult.ok("'" + command + "' exited 0");
    }
    return ProbeResult.failed("'" + command + "' " + (r.timedOut() ? "did not finish within " + timeout
        : "exited with status " + r.exitCode()) + (tail.isEmpty() ? "" : ": " + String.join(" | ", tail)));
  }
}

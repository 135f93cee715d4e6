package dev.thingyan.domain.run;

import dev.thingyan.ports.model.CommandResult;
import dev.thingyan.ports.model.HookCommand;
import dev.thingyan.ports.model.HookPhase;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.out.CommandRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a phase's configured commands in a release folder, streaming their output into the run log. */
final class HookExecutor {

  private final CommandRunner commands;
  private final UpdateSettings settings;

  HookExecutor(CommandRunner commands, UpdateSettings settings) {
    this.commands = commands;
    this.settings = settings;
  }

  /**
   * @return how many commands ran (a command whose {@code only_if} failed is skipped)
   * @throws StepFailedException when a command exits non-zero or times out
   */
  int run(RunRecorder rec, HookPhase phase, String step, Path dir, Map<String, String> env) {
    return run(rec::log, phase, step, dir, env);
  }

  /** Runs a phase outside a run (a manual restore): the output is not kept. */
  int runQuietly(HookPhase phase, Path dir, Map<String, String> env) {
    return run((level, step, line) -> {}, phase, phase.key(), dir, env);
  }

  /** Where hook output goes. */
  @FunctionalInterface
  interface HookLog {
    void log(LogLevel level, String step, String line);
  }

  int run(HookLog rec, HookPhase phase, String step, Path dir, Map<String, String> env) {
    List<HookCommand> hooks = settings.hooks(phase);
    Map<String, String> fullEnv = new java.util.HashMap<>(env);
    fullEnv.put("THINGYAN_PHASE", phase.key());
    int ran = 0;
    for (HookCommand hook : hooks) {
      if (hook.onlyIf().isPresent() && !condition(rec, step, hook, dir, fullEnv)) {
        rec.log(LogLevel.INFO, step, "skipped: " + hook.run() + " (only_if was false)");
        continue;
      }
      rec.log(LogLevel.INFO, step, "$ " + hook.run());
      CommandResult r = runner(hook).run(hook.run(), dir, fullEnv, hook.timeout(),
          (stderr, line) -> rec.log(stderr ? LogLevel.WARN : LogLevel.INFO, step, "  " + line));
      if (!r.succeeded()) {
        throw new StepFailedException(step, r.timedOut()
            ? "'" + hook.run() + "' did not finish within " + hook.timeout() + " and was stopped"
            : "'" + hook.run() + "' exited with status " + r.exitCode());
      }
      ran++;
    }
    return ran;
  }

  private CommandRunner runner(HookCommand hook) {
    return hook.runsAs() == HookCommand.RunsAs.THINGYAN ? commands.asSelf() : commands;
  }

  private boolean condition(HookLog rec, String step, HookCommand hook, Path dir, Map<String, String> env) {
    CommandResult r = runner(hook).run(hook.onlyIf().get(), dir, env, hook.timeout(),
        (stderr, line) -> rec.log(LogLevel.DEBUG, step, "  (only_if) " + line));
    return r.succeeded();
  }
}

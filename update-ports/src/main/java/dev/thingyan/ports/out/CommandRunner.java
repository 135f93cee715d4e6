package dev.thingyan.ports.out;

import dev.thingyan.ports.model.CommandResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Runs a shell command ({@code /bin/sh -c}) in a folder, streaming its output line by line. */
public interface CommandRunner {

  /**
   * @param env added to the inherited environment
   * @param output receives each line of stdout and stderr as it is written
   * @return the exit code; on timeout the command and its children are killed and
   *     {@link CommandResult#timedOut()} is true
   */
  CommandResult run(String command, Path workDir, Map<String, String> env, Duration timeout,
      OutputSink output);

  /**
   * @return a runner whose commands run as this process's own user, whatever user this one runs
   *     its commands as (for {@link dev.thingyan.ports.model.HookCommand.RunsAs#THINGYAN} hooks)
   */
  default CommandRunner asSelf() {
    return this;
  }

  /** Receives a command's output lines. */
  @FunctionalInterface
  interface OutputSink {
    void line(boolean stderr, String line);
  }
}

package dev.thingyan.adapter.storage.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real {@code /bin/sh} processes: output, exit codes, environment, timeouts and process trees. */
class ShellCommandRunnerTest {
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  @TempDir Path tmp;
  private final ShellCommandRunner runner = new ShellCommandRunner();
  private final List<String> lines = new CopyOnWriteArrayList<>();

  @Test
  void streamsBothOutputsInOrderAndReturnsTheExitCode() {
    CommandResult result = run("echo one; echo two >&2; echo three; printf 'no newline'; exit 7",
        Map.of(), TEN_SECONDS);

    assertThat(result.exitCode()).isEqualTo(7);
    assertThat(result.timedOut()).isFalse();
    assertThat(result.succeeded()).isFalse();
    assertThat(lines.stream().filter(l -> l.startsWith("out:")))
        .containsExactly("out:one", "out:three", "out:no newline");
    assertThat(lines).contains("err:two");
  }

  @Test
  void passesEachLineOnWhileTheCommandStillRuns() {
    long start = System.nanoTime();
    List<Long> arrivals = new CopyOnWriteArrayList<>();
    runner.run("echo first; sleep 1; echo second", tmp, Map.of(), TEN_SECONDS,
        (stderr, line) -> arrivals.add((System.nanoTime() - start) / 1_000_000));

    assertThat(arrivals).hasSize(2);
    assertThat(arrivals.get(0)).isLessThan(800);
    assertThat(arrivals.get(1)).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void runsInTheFolderWithTheAddedEnvironmentAndAnEmptyStdin() throws IOException {
    CommandResult result = run("printf '%s|%s|%s\\n' \"$THINGYAN_VERSION\" \"$(pwd -P)\" \"$(cat)\"",
        Map.of("THINGYAN_VERSION", "1.2.3"), TEN_SECONDS);

    assertThat(result.succeeded()).isTrue();
    assertThat(lines).containsExactly("out:1.2.3|" + tmp.toRealPath() + "|");
    assertThat(result.took()).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void onTimeoutKillsTheCommandAndItsChildren() throws Exception {
    CommandResult result = run("sleep 30 & echo $!; wait", Map.of(), Duration.ofMillis(500));

    assertThat(result.timedOut()).isTrue();
    assertThat(result.succeeded()).isFalse();
    assertThat(result.took()).isLessThan(Duration.ofSeconds(5));
    long sleepPid = Long.parseLong(lines.get(0).substring("out:".length()));
    Thread.sleep(200);
    assertThat(running(sleepPid)).as("the sleep started by the command").isFalse();
  }

  @Test
  void doesNotWaitForABackgroundProcessThatKeepsTheOutputOpen() throws Exception {
    CommandResult result = run("sleep 30 & echo $!", Map.of(), TEN_SECONDS);
    long sleepPid = Long.parseLong(lines.get(0).substring("out:".length()));
    try {
      assertThat(result.succeeded()).isTrue();
      assertThat(result.took()).isLessThan(Duration.ofSeconds(6));
    } finally {
      ProcessHandle.of(sleepPid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void cutsVeryLongLines() {
    run("head -c 20000 /dev/zero | tr '\\0' a; echo; echo after", Map.of(), TEN_SECONDS);

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("out:" + "a".repeat(LinePump.MAX_LINE) + LinePump.CUT_MARK);
    assertThat(lines.get(1)).isEqualTo("out:after");
  }

  @Test
  void saysWhatToCheckWhenTheFolderIsMissing() {
    assertThatThrownBy(() -> runner.run("true", tmp.resolve("missing"), Map.of(), TEN_SECONDS,
        (e, l) -> {})).isInstanceOf(UncheckedIOException.class).hasMessageContaining("check that the folder exists");
  }

  private CommandResult run(String command, Map<String, String> env, Duration timeout) {
    return runner.run(command, tmp, env, timeout, (stderr, line) -> lines.add((stderr ? "err:" : "out:") + line));
  }

  /** A zombie counts as gone: nothing here reaps orphans (PID 1 may not), but it runs no more. */
  private static boolean running(long pid) throws IOException {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (!Files.exists(stat)) {
      return false;
    }
    String text = Files.readString(stat);
    char state = text.charAt(text.lastIndexOf(')') + 2);
    return state != 'Z' && state != 'X';
  }
}

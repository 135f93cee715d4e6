package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.BackupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running database tool: its standard error drained in the background (bounded, for the error
 * message), its exit status turned into a message an admin can act on, and any secret masked.
 * Closing it kills the tool if it still runs, so no dump outlives a failed backup.
 */
final class ChildProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);

  private final String tool;
  private final Process process;
  private final StderrTail stderr;
  private final String secret;

  private ChildProcess(String tool, Process process, String secret) {
    this.tool = tool;
    this.process = process;
    this.secret = secret;
    this.stderr = new StderrTail(tool, process.getErrorStream());
  }

  /**
   * @param secret the password, masked wherever the tool's output is shown; may be empty
   */
  static ChildProcess start(String tool, ProcessBuilder builder, String secret) {
    builder.redirectError(ProcessBuilder.Redirect.PIPE);
    try {
      return new ChildProcess(tool, builder.start(), secret);
    } catch (IOException e) {
      throw new BackupException(
          "could not start "
              + builder.command().get(0)
              + " ("
              + e.getMessage()
              + "); check that the database client tools are installed and executable",
          e);
    }
  }

  /**
   * Starts {@code builders} as one pipeline ({@link ProcessBuilder#startPipeline}): each one's
   * standard output feeds the next one's standard input through an operating-system pipe, so the
   * bytes between them never pass through this JVM.
   *
   * @param tools the name of each, for messages
   * @param secret the password, masked wherever their output is shown; may be empty
   */
  static List<ChildProcess> pipeline(
      List<String> tools, List<ProcessBuilder> builders, String secret) {
    builders.forEach(b -> b.redirectError(ProcessBuilder.Redirect.PIPE));
    List<Process> processes;
    try {
      processes = ProcessBuilder.startPipeline(builders); // destroys those started if one fails
    } catch (IOException e) {
      String message = secret.isEmpty() ? e.getMessage() : e.getMessage().replace(secret, "***");
      throw new BackupException(
          "could not start "
              + String.join(" | ", tools)
              + " ("
              + ConnectionSettings.redact(message)
              + "); check that these programs are installed and executable",
          e);
    }
    List<ChildProcess> out = new ArrayList<>();
    for (int i = 0; i < processes.size(); i++) {
      out.add(new ChildProcess(tools.get(i), processes.get(i), secret));
    }
    return out;
  }

  /** Closes the tool's standard input: a dump tool reads nothing, and must not wait for it. */
  static void closeInput(ChildProcess process) {
    try {
      process.stdin().close();
    } catch (IOException e) {
      // the tool already ended; its exit status will say why
    }
  }

  String tool() {
    return tool;
  }

  OutputStream stdin() {
    return process.getOutputStream();
  }

  InputStream stdout() {
    return process.getInputStream();
  }

  /** Waits for the tool to end and for its error output to be read. */
  int waitFor() {
    try {
      int code = process.waitFor();
      stderr.join();
      return code;
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
      throw new BackupException(tool + " was interrupted and stopped; nothing was completed", e);
    }
  }

  /**
   * @return the tool's error output, cut short, with the password masked
   */
  String errorOutput() {
    return redact(stderr.text());
  }

  String redact(String text) {
    String out = secret.isEmpty() ? text : text.replace(secret, "***");
    return ConnectionSettings.redact(out);
  }

  /**
   * Logs at WARN what the tool wrote to its standard error although it succeeded: warnings a person
   * should see, e.g. pg_dump's about objects it could not read completely.
   *
   * @param what the database, e.g. {@code 127.0.0.1:5432/pms}
   */
  void logWarnings(String what) {
    String output = errorOutput();
    if (!output.isEmpty()) {
      LOG.warn("{} of {} succeeded with messages: {}", tool, what, output);
    }
  }

  /**
   * @return e.g. {@code pg_dump failed (exit 1): <its error output>}
   */
  String failure(int code) {
    String status =
        code > 128 ? "was killed (signal " + (code - 128) + ")" : "failed (exit " + code + ")";
    String output = errorOutput();
    return tool + " " + status + (output.isEmpty() ? "" : ": " + output);
  }

  void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}

package dev.thingyan.bootstrap.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * What the CLI takes from the process: its output streams, environment variables, the OS user
 * (for the actor {@code cli:<user>}) and the time zone times are shown in. Tests pass their own.
 */
public record CliEnvironment(PrintWriter out, PrintWriter err, Map<String, String> env,
    String userName, ZoneId zone) {
  public CliEnvironment {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    env = Map.copyOf(env);
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(zone, "zone");
  }

  /**
   * The real process. Output is UTF-8 whatever the platform's default charset, because Burmese
   * text written as ASCII (a server with {@code LANG=C}) would print as question marks.
   */
  public static CliEnvironment system() {
    return new CliEnvironment(
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        System.getenv(), System.getProperty("user.name", "unknown"), ZoneId.systemDefault());
  }
}

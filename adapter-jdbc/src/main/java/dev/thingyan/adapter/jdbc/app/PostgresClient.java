package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts PostgreSQL's client tools against the app's server. The password goes through a 0600
 * {@code PGPASSFILE} that lives as long as this object, never the command line ({@code ps} shows
 * that to every user) and never {@code PGPASSWORD} (which libpq's documentation advises against).
 */
final class PostgresClient implements AutoCloseable {

  private static final Pattern SSLMODE = Pattern.compile("[?&]sslmode=([\\w-]+)");

  private final ConnectionSettings settings;
  private final DatabaseAddress address;
  private final Binaries binaries;
  private final SecretFile passFile;

  PostgresClient(ConnectionSettings settings, DatabaseAddress address, Binaries binaries) {
    this.settings = settings;
    this.address = address;
    this.binaries = binaries;
    this.passFile =
        settings.password().isEmpty()
            ? null
            : SecretFile.write("thingyan-pgpass-", "*:*:*:*:" + escape(settings.password()) + "\n");
  }

  /** A tool that connects to {@code database} on the app's server. */
  ChildProcess connected(String tool, String database, List<String> args) {
    return connected(tool, database, args, ProcessBuilder.Redirect.PIPE);
  }

  /**
   * @param stdout {@code DISCARD} for a tool whose output nobody reads (it must not block)
   */
  ChildProcess connected(
      String tool, String database, List<String> args, ProcessBuilder.Redirect stdout) {
    return ChildProcess.start(
        tool, connectedBuilder(tool, database, args).redirectOutput(stdout), settings.password());
  }

  /** {@code tool | compressor}, started as one pipeline; the tool's standard input is closed. */
  List<ChildProcess> connectedPiped(
      String tool, String database, List<String> args, List<String> compressor) {
    List<ChildProcess> stages =
        ChildProcess.pipeline(
            List.of(tool, Path.of(compressor.get(0)).getFileName().toString()),
            List.of(connectedBuilder(tool, database, args), new ProcessBuilder(compressor)),
            settings.password());
    ChildProcess.closeInput(stages.get(0));
    return stages;
  }

  private ProcessBuilder connectedBuilder(String tool, String database, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(binaries.find(tool).toString());
    command.add("--host=" + address.host());
    command.add("--port=" + address.port());
    if (!settings.user().isEmpty()) {
      command.add("--username=" + settings.user());
    }
    // never prompt: libpq would open /dev/tty and wait for a person who is not there
    command.add("--no-password");
    command.add("--dbname=" + database);
    command.addAll(args);
    return builder(command);
  }

  /** A tool that works without a connection, e.g. {@code pg_restore --file=-}. */
  ChildProcess local(String tool, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(binaries.find(tool).toString());
    command.addAll(args);
    return ChildProcess.start(tool, builder(command), settings.password());
  }

  private ProcessBuilder builder(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("PGCONNECT_TIMEOUT", "10");
    env.put("PGAPPNAME", "thingyan-backup");
    if (passFile != null) {
      // PGPASSWORD would win over the file; the configured password is the one to use
      env.remove("PGPASSWORD");
      env.put("PGPASSFILE", passFile.path().toString());
    }
    Matcher ssl = SSLMODE.matcher(address.params());
    if (ssl.find()) {
      env.put("PGSSLMODE", ssl.group(1));
    }
    return builder;
  }

  /** The password file's syntax: {@code :} separates fields, {@code \} escapes. */
  private static String escape(String password) {
    return password.replace("\\", "\\\\").replace(":", "\\:");
  }

  @Override
  public void close() {
    if (passFile != null) {
      passFile.close();
    }
  }
}

package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts MariaDB's (or MySQL's) client tools against the app's server. The credentials go into a
 * 0600 option file passed as {@code --defaults-file} (which the tools accept only as their first
 * argument) and deleted on close: never the command line, where {@code ps} shows them. It is the
 * only option file the tools read: with {@code --defaults-extra-file} they would also read the
 * global ones and then the user's {@code ~/.my.cnf}, whose {@code [client] user=} would win over
 * ours and whose {@code [mysqldump] skip-comments} would leave the dump without the {@code -- Dump
 * completed} line, so that a backup taken fine would never restore.
 */
final class MariaDbClient implements AutoCloseable {

  /*
   * --comments: the "-- Dump completed" line is how a restore tells a whole dump from a cut one.
   * --single-transaction: a consistent InnoDB snapshot without locking the app out (it also turns
   * --lock-tables off). --quick: rows stream instead of being held in the tool's memory.
   * --hex-blob: binary columns survive any client character set. --no-tablespaces: MySQL 8 wants
   * the PROCESS privilege for them, and an app's database does not own tablespaces.
   * --skip-add-locks: LOCK TABLES in the dump would need a privilege a restore should not need.
   * No --databases: the dump has no CREATE DATABASE / USE, so it loads into any database.
   */
  private static final List<String> DUMP_ARGS =
      List.of(
          "--comments",
          "--single-transaction",
          "--quick",
          "--routines",
          "--events",
          "--triggers",
          "--hex-blob",
          "--default-character-set=utf8mb4",
          "--no-tablespaces",
          "--skip-add-locks");

  private final ConnectionSettings settings;
  private final DatabaseAddress address;
  private final Binaries binaries;
  private final SecretFile options;
  private final Map<String, String> environment;

  /**
   * @param lockWait how long the {@code mariadb} client's statements wait for another connection's
   *     lock on a table
   * @param environment variables set for the tools on top of this JVM's (tests set {@code HOME})
   */
  MariaDbClient(
      ConnectionSettings settings,
      DatabaseAddress address,
      Binaries binaries,
      Duration lockWait,
      Map<String, String> environment) {
    this.settings = settings;
    this.environment = environment;
    this.address = address;
    this.binaries = binaries;
    this.options = SecretFile.write("thingyan-my-", optionFile(settings, lockWait));
  }

  private static String optionFile(ConnectionSettings settings, Duration lockWait) {
    StringBuilder text = new StringBuilder("[client]\n");
    if (!settings.user().isEmpty()) {
      text.append("user=").append(quote(settings.user())).append('\n');
    }
    if (!settings.password().isEmpty()) {
      text.append("password=").append(quote(settings.password())).append('\n');
    }
    // only the interactive client knows these options; mariadb-dump would refuse them in [client]
    text.append("[mysql]\nconnect-timeout=10\n");
    text.append("init-command=\"SET SESSION lock_wait_timeout = ")
        .append(Math.max(1, lockWait.toSeconds()))
        .append("\"\n");
    return text.toString();
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** {@code mariadb-dump} (or {@code mysqldump}) of {@code database} to its standard output. */
  ChildProcess dump(String database) {
    return dump(database, List.of());
  }

  /**
   * {@code mariadb-dump} of {@code database}'s stored routines and events only: no table, view,
   * trigger or row.
   */
  ChildProcess dumpRoutinesAndEvents(String database) {
    return dump(database, List.of("--no-create-info", "--no-data", "--skip-triggers"));
  }

  /** {@code mariadb-dump} of {@code database}'s definitions only (no row): a backup's rehearsal. */
  ChildProcess dumpSchema(String database) {
    return dump(database, List.of("--no-data"));
  }

  private ChildProcess dump(String database, List<String> options) {
    Path tool = dumpTool();
    List<String> args = dumpArgs(tool, options, database);
    return ChildProcess.start(
        tool.getFileName().toString(), builder(tool, args, Redirect.PIPE), settings.password());
  }

  /**
   * {@code mariadb-dump ... | compressor}, started as one pipeline; the dump tool's standard input
   * is closed.
   */
  List<ChildProcess> dumpPiped(String database, List<String> compressor) {
    Path tool = dumpTool();
    List<ChildProcess> stages =
        ChildProcess.pipeline(
            List.of(tool.getFileName().toString(), Path.of(compressor.get(0)).getFileName().toString()),
            List.of(builder(tool, dumpArgs(tool, List.of(), database), Redirect.PIPE),
                new ProcessBuilder(compressor)),
            settings.password());
    ChildProcess.closeInput(stages.get(0));
    return stages;
  }

  private Path dumpTool() {
    return binaries.find("mariadb-dump", "mysqldump");
  }

  /** @param options after the usual ones, so that they win (e.g. {@code --skip-triggers}) */
  private static List<String> dumpArgs(Path tool, List<String> options, String database) {
    List<String> args = new ArrayList<>(DUMP_ARGS);
    if (isOracleMysqldump(tool)) {
      // MySQL's own mysqldump writes SET @@GLOBAL.GTID_PURGED, which needs SUPER to restore
      args.add("--set-gtid-purged=OFF");
    }
    args.addAll(options);
    args.add(database);
    return args;
  }

  /**
   * {@code mariadb} (or {@code mysql}) running the SQL on its standard input in {@code database}.
   */
  ChildProcess load(String database) {
    Path tool = binaries.find("mariadb", "mysql");
    // --binary-mode: client commands such as \! (a shell) in a dump are not run; the sandbox
    // line of newer dumps asks for the same, and older clients do not understand that line
    return start(
        tool,
        List.of("--binary-mode", "--default-character-set=utf8mb4", database),
        Redirect.DISCARD);
  }

  private ChildProcess start(Path tool, List<String> args, Redirect stdout) {
    return ChildProcess.start(
        tool.getFileName().toString(), builder(tool, args, stdout), settings.password());
  }

  private ProcessBuilder builder(Path tool, List<String> args, Redirect stdout) {
    List<String> command = new ArrayList<>();
    command.add(tool.toString());
    command.add("--defaults-file=" + options.path());
    command.add("--host=" + address.host());
    command.add("--port=" + address.port());
    // "localhost" would otherwise mean the Unix socket, perhaps of another server than the URL's
    command.add("--protocol=TCP");
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout);
    builder.environment().remove("MYSQL_PWD");
    builder.environment().putAll(environment);
    return builder;
  }

  private static boolean isOracleMysqldump(Path tool) {
    if (!tool.getFileName().toString().equals("mysqldump")) {
      return false;
    }
    try {
      Process p =
          new ProcessBuilder(tool.toString(), "--no-defaults", "--version")
              .redirectErrorStream(true)
              .start();
      String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return !version.contains("MariaDB");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    options.close();
  }
}

package dev.thingyan.bootstrap.cli;

import dev.thingyan.bootstrap.Standalone;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.Language;
import dev.thingyan.bootstrap.config.ThingyanConfig;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code thingyan} command line. The system factory and the demo come from the composition
 * root ({@link Standalone}), so the CLI holds no wiring of its own and tests drive it with stubs.
 */
public final class Main {
  private final Function<ThingyanConfig, ThingyanSystem> systems;
  private final BiFunction<ThingyanConfig, LongConsumer, ThingyanSystem> backupSystems;
  private final DemoRunner demo;
  private final CliEnvironment env;

  /**
   * @param systems opens the wired system for a loaded configuration; closed after each command
   * @param demo runs {@code thingyan demo}
   */
  public Main(Function<ThingyanConfig, ThingyanSystem> systems, DemoRunner demo, CliEnvironment env) {
    this(systems, (config, progress) -> systems.apply(config), demo, env);
  }

  /**
   * @param backupSystems opens the system for {@code thingyan backup}: one whose backup's dump may
   *     begin while it is being opened, reporting its progress to the given consumer
   */
  public Main(Function<ThingyanConfig, ThingyanSystem> systems,
      BiFunction<ThingyanConfig, LongConsumer, ThingyanSystem> backupSystems, DemoRunner demo,
      CliEnvironment env) {
    this.systems = Objects.requireNonNull(systems, "systems");
    this.backupSystems = Objects.requireNonNull(backupSystems, "backupSystems");
    this.demo = Objects.requireNonNull(demo, "demo");
    this.env = Objects.requireNonNull(env, "env");
  }

  public static void main(String[] args) {
    System.exit(new Main(Standalone::open, Standalone::openForBackup, DemoScenario.runner(), CliEnvironment.system()).run(args));
  }

  /** @return the exit code (see {@link ExitCodes}) */
  public int run(String... args) {
    ThingyanCommand root = new ThingyanCommand(systems, backupSystems, demo, env);
    CommandLine cl = new CommandLine(root);
    Optional<String> command = preScanCommand(args);
    for (Class<?> c : ThingyanCommand.COMMANDS) {
      if (command.isEmpty() || command.get().equals(c.getAnnotation(Command.class).name())) {
        cl.addSubcommand(c);
      }
    }
    // help in the language asked for: the bundle is chosen before the arguments are parsed
    cl.setResourceBundle(Messages.of(preScanLanguage(args)).bundle());
    cl.setUsageHelpWidth(100);
    cl.setOut(env.out());
    cl.setErr(env.err());
    cl.setExecutionExceptionHandler(new ErrorHandler(root));
    int code = cl.execute(args);
    env.out().flush();
    env.err().flush();
    return code;
  }

  /**
   * @return the subcommand named on the line (its first argument that is neither an option nor
   *     an option's value), when it is one; empty for none or an unknown one (then all are
   *     registered, for help and for picocli's suggestions)
   */
  static Optional<String> preScanCommand(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (ThingyanCommand.OPTIONS_WITH_VALUE.contains(args[i])) {
        i++;
      } else if (!args[i].startsWith("-")) {
        String name = args[i];
        return ThingyanCommand.COMMANDS.stream()
            .map(c -> c.getAnnotation(Command.class).name())
            .filter(name::equals)
            .findFirst();
      }
    }
    return Optional.empty();
  }

  /** {@code --lang X} or {@code --lang=X} anywhere on the line, else Burmese. */
  static Language preScanLanguage(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String value = args[i].startsWith("--lang=") ? args[i].substring(7)
          : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
      if (value != null && Language.fromKey(value).isPresent()) {
        return Language.fromKey(value).get();
      }
    }
    return Language.MY;
  }
}

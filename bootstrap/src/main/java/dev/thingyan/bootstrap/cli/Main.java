package dev.thingyan.bootstrap.cli;

import dev.thingyan.bootstrap.Standalone;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.Language;
import dev.thingyan.bootstrap.config.ThingyanConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterExceptionHandler;

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
    if (preScanCommand(args).filter("demo"::equals).isPresent()) {
      // the demo's output is its story: the metrics events a log pipeline counts (on stderr,
      // thingyan.metrics) would interleave with it. Set before any logger exists, which in this
      // process (and only here, not in tests sharing a JVM) is still true.
      System.setProperty("org.slf4j.simpleLogger.log.thingyan.metrics", "off");
    }
    System.exit(new Main(Standalone::open, Standalone::openForBackup, DemoScenario.runner(), CliEnvironment.system()).run(args));
  }

  /** @return the exit code (see {@link ExitCodes}) */
  public int run(String... args) {
    // a plain `thingyan backup`: its system opens (and its dump begins) while the line is parsed
    EarlyBackupOpen early = plainCommand(args).filter("backup"::equals).isPresent()
        && languageIsValidOrAbsent(args)
        ? EarlyBackupOpen.start(ThingyanCommand.configPath(preScanConfig(args), env),
            explicitLanguage(args), env, backupSystems)
        : null;
    try {
      return run(args, new ThingyanCommand(systems, backupSystems, demo, env, early));
    } finally {
      if (early != null) {
        early.discard();
      }
    }
  }

  private int run(String[] args, ThingyanCommand root) {
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
    cl.setParameterExceptionHandler(languageRefusal(cl.getParameterExceptionHandler(), args));
    int code = cl.execute(args);
    env.out().flush();
    env.err().flush();
    return code;
  }

  /**
   * A {@code --lang} thingyan does not speak is said in both languages it does speak (the one
   * asked for is unknown), with the two choices, instead of picocli's usage, which lists only
   * the command named on the line and so reads as if the others did not exist.
   */
  private IParameterExceptionHandler languageRefusal(IParameterExceptionHandler others, String[] args) {
    return (ex, rest) -> {
      Optional<String> value = languageValue(args);
      if (value.isEmpty() || Language.fromKey(value.get()).isPresent()) {
        return others.handleParseException(ex, rest);
      }
      for (Language l : Language.values()) {
        env.err().println(Messages.of(l).get("error.lang", value.get()));
      }
      env.err().flush();
      return ExitCodes.USAGE;
    };
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

  /**
   * @return the command when the line is just a command and the options that take a value
   *     ({@code --config}, {@code --lang}): no other option, no subcommand, no help
   */
  static Optional<String> plainCommand(String[] args) {
    String command = null;
    for (int i = 0; i < args.length; i++) {
      if (ThingyanCommand.OPTIONS_WITH_VALUE.contains(args[i])) {
        i++;
      } else if (args[i].startsWith("--config=") || args[i].startsWith("--lang=")) {
        continue;
      } else if (args[i].startsWith("-") || command != null) {
        return Optional.empty();
      } else {
        command = args[i];
      }
    }
    return Optional.ofNullable(command);
  }

  /** {@code --config FILE} or {@code --config=FILE} on the line. */
  static Optional<Path> preScanConfig(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Optional.of(Path.of(args[i + 1]));
      }
      if (args[i].startsWith("--config=")) {
        return Optional.of(Path.of(args[i].substring("--config=".length())));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> languageValue(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--lang=")) {
        return Optional.of(args[i].substring("--lang=".length()));
      }
      if (args[i].equals("--lang") && i + 1 < args.length) {
        return Optional.of(args[i + 1]);
      }
    }
    return Optional.empty();
  }

  private static Optional<Language> explicitLanguage(String[] args) {
    return languageValue(args).flatMap(Language::fromKey);
  }

  private static boolean languageIsValidOrAbsent(String[] args) {
    return languageValue(args).map(v -> Language.fromKey(v).isPresent()).orElse(true);
  }

  /** {@code --lang X} or {@code --lang=X} on the line, else Burmese. */
  static Language preScanLanguage(String[] args) {
    return explicitLanguage(args).orElse(Language.MY);
  }
}

package dev.thingyan.bootstrap.cli;

import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.ConfigLoader;
import dev.thingyan.bootstrap.config.Language;
import dev.thingyan.bootstrap.config.ThingyanConfig;
import dev.thingyan.ports.model.Actor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top command: the global options, and what every subcommand shares — the configuration,
 * the language, the wired system (opened per command, after start-up recovery) and the actor.
 */
@Command(name = "thingyan", mixinStandardHelpOptions = true, version = "thingyan 0.1.0",
    // --config, --lang and --help are accepted after the subcommand too
    scope = ScopeType.INHERIT)
final class ThingyanCommand {
  static final String CONFIG_ENV = "THINGYAN_CONFIG";

  /**
   * The subcommands, in the order help lists them. {@link Main} registers only the one being run
   * when it can tell which (picocli reads every registered command's annotations when it starts:
   * ~0.3 s of CPU for all of them).
   */
  static final List<Class<?>> COMMANDS = List.of(CheckCommand.class, ApplyCommand.class,
      RollbackCommand.class, StatusCommand.class, HistoryCommand.class, ShowCommand.class,
      ResolveCommand.class, GateCommand.class, BackupsCommand.class, BackupCommand.class, RestoreCommand.class,
      ReportCommand.class, ReportsCommand.class, DemoCommand.class);

  /** The options whose value is the next argument ({@code --config FILE}, {@code --lang my}). */
  static final Set<String> OPTIONS_WITH_VALUE = Set.of("--config", "--lang");

  @Option(names = "--config", paramLabel = "FILE", descriptionKey = "opt.config",
      scope = ScopeType.INHERIT)
  Path configFile;

  @Option(names = "--lang", paramLabel = "my|en", descriptionKey = "opt.lang",
      scope = ScopeType.INHERIT, converter = LanguageConverter.class)
  Language lang;

  final Function<ThingyanConfig, ThingyanSystem> systems;
  final BiFunction<ThingyanConfig, LongConsumer, ThingyanSystem> backupSystems;
  final DemoRunner demo;
  final CliEnvironment env;
  /** A plain {@code backup}'s system, opening since the JVM started; null for other lines. */
  final EarlyBackupOpen earlyBackup;
  private ThingyanConfig config;

  ThingyanCommand(Function<ThingyanConfig, ThingyanSystem> systems,
      BiFunction<ThingyanConfig, LongConsumer, ThingyanSystem> backupSystems, DemoRunner demo,
      CliEnvironment env, EarlyBackupOpen earlyBackup) {
    this.systems = systems;
    this.backupSystems = backupSystems;
    this.earlyBackup = earlyBackup;
    this.demo = demo;
    this.env = env;
  }

  /** {@code --config}, else {@code $THINGYAN_CONFIG}, else {@code ./thingyan.yaml}. */
  Path configPath() {
    return configPath(Optional.ofNullable(configFile), env);
  }

  /** @param onLine the {@code --config} given on the command line */
  static Path configPath(Optional<Path> onLine, CliEnvironment env) {
    return onLine
        .or(() -> Optional.ofNullable(env.env().get(CONFIG_ENV)).filter(s -> !s.isBlank()).map(Path::of))
        .orElse(Path.of("thingyan.yaml"));
  }

  /** Uses a configuration loaded already from {@link #configPath()}. */
  void useConfig(ThingyanConfig loaded) {
    this.config = loaded;
  }

  /** @throws dev.thingyan.bootstrap.config.ConfigException when the file is refused */
  ThingyanConfig config() {
    if (config == null) {
      config = ConfigLoader.load(configPath());
    }
    return config;
  }

  /** {@code --lang}, else the loaded configuration's {@code ui.language}, else Burmese. */
  Language language() {
    return lang != null ? lang : config != null ? config.language() : Language.MY;
  }

  Messages messages() {
    return Messages.of(language());
  }

  Views views() {
    return new Views(messages(), env.zone(),
        config == null ? AppReasons.NONE : AppReasons.of(config, language()));
  }

  Actor actor() {
    String user = env.userName().isBlank() ? "unknown" : env.userName();
    String id = "cli:" + user;
    return new Actor(id.length() > 128 ? id.substring(0, 128) : id);
  }

  /** Hides configured secrets in text about to be printed (an exception message, say). */
  String mask(String text) {
    String masked = text == null ? "" : text;
    if (config != null) {
      for (String secret : config.secrets()) {
        masked = masked.replace(secret, "***");
      }
    }
    return masked;
  }
}

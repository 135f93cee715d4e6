package dev.thingyan.bootstrap.cli;

import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.ConfigLoader;
import dev.thingyan.bootstrap.config.Language;
import dev.thingyan.bootstrap.config.ThingyanConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;

/**
 * The system for a plain {@code thingyan backup}, opened on a thread of its own from the moment
 * the JVM starts, while picocli reads the command line: the configuration is loaded and the
 * backup's dump begins (see {@code ThingyanBuilder#earlyBackup}) a few hundred milliseconds
 * sooner. {@link BackupCommand} takes it; when the command line turns out to be something else
 * (a usage error) it is discarded, which cancels the dump. When loading or opening failed here,
 * the command opens the system the normal way, which reports the same error.
 */
final class EarlyBackupOpen {

  /** The configuration and the system opened from it. */
  record Opened(ThingyanConfig config, ThingyanSystem system) {}

  private final Path configPath;
  private final CompletableFuture<Opened> opened;
  private final AtomicBoolean taken = new AtomicBoolean();
  private final AtomicBoolean announced = new AtomicBoolean();

  private EarlyBackupOpen(Path configPath, Optional<Language> language, CliEnvironment env,
      BiFunction<ThingyanConfig, LongConsumer, ThingyanSystem> systems) {
    this.configPath = configPath;
    this.opened = CompletableFuture.supplyAsync(() -> {
      ThingyanConfig config = ConfigLoader.load(configPath);
      Messages messages = Messages.of(language.orElse(config.language()));
      env.out().println(messages.get("backup.started"));
      env.out().flush();
      announced.set(true);
      return new Opened(config, systems.apply(config, new ProgressPrinter(env.out(), messages)));
    }, task -> {
      Thread thread = new Thread(task, "thingyan-early-open");
      thread.setDaemon(true);
      thread.start();
    });
  }

  /**
   * @param language the {@code --lang} on the line, if any (else the configuration's)
   */
  static EarlyBackupOpen start(Path configPath, Optional<Language> language, CliEnvironment env,
      BiFunction<ThingyanConfig, LongConsumer, ThingyanSystem> systems) {
    return new EarlyBackupOpen(configPath, language, env, systems);
  }

  /** @return whether "backing up..." was printed already */
  boolean announced() {
    return announced.get();
  }

  /**
   * @return the system, for the command whose configuration file is {@code path}; empty when it
   *     was opened from another file, or loading or opening it failed (then open it again, which
   *     reports why)
   */
  Optional<Opened> take(Path path) {
    if (!path.equals(configPath) || !taken.compareAndSet(false, true)) {
      return Optional.empty();
    }
    try {
      return Optional.of(opened.join());
    } catch (CompletionException e) {
      return Optional.empty();
    }
  }

  /** Closes the system unless the command took it (its early dump is cancelled, nothing kept). */
  void discard() {
    if (taken.compareAndSet(false, true)) {
      try {
        opened.join().system().close();
      } catch (RuntimeException e) {
        // it failed to open: nothing to close
      }
    }
  }
}

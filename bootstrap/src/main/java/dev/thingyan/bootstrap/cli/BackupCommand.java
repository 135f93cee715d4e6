package dev.thingyan.bootstrap.cli;

import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.ThingyanConfig;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.out.BackupException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code thingyan backup}: a manual backup of the app database now, with its progress; {@code
 * thingyan backup verify ID} checks one. Exit 1 when it failed.
 */
@Command(name = "backup", subcommands = {BackupVerifyCommand.class, BackupKeygenCommand.class})
final class BackupCommand implements Callable<Integer> {
  @ParentCommand ThingyanCommand root;

  @Override
  public Integer call() {
    // the dump begins while the system opens (the journal, recovery, the locks), not after it:
    // the same checks still come first for what is stored, and refuse it if they must. A plain
    // `thingyan backup` opened it on its own thread since the JVM started (EarlyBackupOpen).
    Optional<EarlyBackupOpen.Opened> early = Optional.ofNullable(root.earlyBackup)
        .flatMap(e -> e.take(root.configPath()));
    early.ifPresentOrElse(o -> root.useConfig(o.config()), root::config);
    Messages messages = root.messages();
    PrintWriter out = root.env.out();
    if (root.earlyBackup == null || !root.earlyBackup.announced()) {
      out.println(messages.get("backup.started"));
      out.flush();
    }
    ProgressPrinter progress = new ProgressPrinter(out, messages);
    Function<ThingyanConfig, ThingyanSystem> systems = early.isPresent()
        ? c -> early.get().system() : c -> root.backupSystems.apply(c, progress);
    return Session.run(root, false, systems, s -> {
      try {
        BackupRecord b = s.system.backupDatabase().backup(root.actor(), progress);
        s.out.println(s.messages.get("backup.done", b.backupId(), String.valueOf(b.size()), b.sha256Hex()));
        return ExitCodes.OK;
      } catch (BackupException e) {
        root.env.err().println(s.messages.get("error.backup", root.mask(e.getMessage())));
        return ExitCodes.FAILED;
      }
    });
  }
}

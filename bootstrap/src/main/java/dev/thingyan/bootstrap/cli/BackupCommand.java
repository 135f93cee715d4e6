package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.out.BackupException;
import java.util.concurrent.Callable;
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
    return Session.run(root, false, s -> {
      s.out.println(s.messages.get("backup.started"));
      try {
        BackupRecord b = s.system.backupDatabase().backup(root.actor(), new ProgressPrinter(s));
        s.out.println(s.messages.get("backup.done", b.backupId(), String.valueOf(b.size()), b.sha256Hex()));
        return ExitCodes.OK;
      } catch (BackupException e) {
        root.env.err().println(s.messages.get("error.backup", root.mask(e.getMessage())));
        return ExitCodes.FAILED;
      }
    });
  }
}

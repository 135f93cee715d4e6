package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.error.ValidationException;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.out.BackupException;
import java.io.Console;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code thingyan restore ID [--yes]}: replaces the app database's content with a backup's, after
 * a safety backup of the database as it is. Asks first unless {@code --yes}.
 */
@Command(name = "restore")
final class RestoreCommand implements Callable<Integer> {
  @ParentCommand ThingyanCommand root;

  @Parameters(index = "0", paramLabel = "BACKUP_ID", descriptionKey = "param.backup_id")
  String backupId;

  @Option(names = "--yes", descriptionKey = "opt.yes")
  boolean yes;

  @Override
  public Integer call() {
    return Session.run(root, false, s -> {
      if (s.system.backupDatabase().list().stream().noneMatch(b -> b.backupId().equals(backupId))) {
        // said before anything is asked or announced: nothing was started
        root.env.err().println(s.messages.get("error.no_such_backup", backupId));
        return ExitCodes.USAGE;
      }
      if (!yes && !confirmed(s)) {
        root.env.err().println(s.messages.get("restore.not_confirmed"));
        return ExitCodes.USAGE;
      }
      s.out.println(s.messages.get("restore.started", backupId));
      try {
        BackupRecord safety = s.system.backupDatabase().restore(root.actor(), backupId, new ProgressPrinter(s));
        s.out.println(s.messages.get("restore.done", backupId, safety.backupId()));
        return ExitCodes.OK;
      } catch (BackupException | IllegalArgumentException | ValidationException e) {
        root.env.err().println(s.messages.get("error.restore", backupId, root.mask(e.getMessage())));
        return ExitCodes.FAILED;
      }
    });
  }

  private boolean confirmed(Session s) {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    String answer = console.readLine("%s ", s.messages.get("restore.confirm", backupId));
    return answer != null && answer.trim().toLowerCase(Locale.ROOT).matches("y|yes|ဟုတ်|ဟုတ်ကဲ့");
  }
}

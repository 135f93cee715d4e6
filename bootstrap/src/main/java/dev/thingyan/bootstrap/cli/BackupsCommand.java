package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.model.BackupRecord;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code thingyan backups [--json]}: stored backups, newest first. */
@Command(name = "backups")
final class BackupsCommand implements Callable<Integer> {
  @ParentCommand ThingyanCommand root;

  @Option(names = "--json", descriptionKey = "opt.json")
  boolean json;

  @Override
  public Integer call() {
    return Session.run(root, false, s -> {
      List<BackupRecord> backups = s.system.backupDatabase().list();
      if (json) {
        s.out.println(Json.write(backups));
      } else if (backups.isEmpty()) {
        s.out.println(s.messages.get("backups.none"));
      } else {
        backups.forEach(b -> s.out.println(s.views.backup(b)));
      }
      return ExitCodes.OK;
    });
  }
}

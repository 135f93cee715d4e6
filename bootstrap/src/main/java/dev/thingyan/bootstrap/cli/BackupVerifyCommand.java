package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.error.ValidationException;
import dev.thingyan.ports.out.BackupException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code thingyan backup verify ID}: the stored checksum, then a test restore into a scratch
 * database; the app's database is not touched. Exit 1 when the backup is not usable.
 */
@Command(name = "verify")
final class BackupVerifyCommand implements Callable<Integer> {
  @ParentCommand BackupCommand parent;

  @Parameters(index = "0", paramLabel = "BACKUP_ID", descriptionKey = "param.backup_id")
  String backupId;

  @Override
  public Integer call() {
    ThingyanCommand root = parent.root;
    return Session.run(root, false, s -> {
      try {
        String summary = s.system.backupDatabase().verify(root.actor(), backupId);
        s.out.println(s.messages.get("verify.done", backupId, summary));
        return ExitCodes.OK;
      } catch (BackupException | IllegalArgumentException | ValidationException e) {
        root.env.err().println(s.messages.get("error.verify", backupId, root.mask(e.getMessage())));
        return ExitCodes.FAILED;
      }
    });
  }
}

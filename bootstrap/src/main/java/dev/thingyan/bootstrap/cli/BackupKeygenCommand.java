package dev.thingyan.bootstrap.cli;

import dev.thingyan.adapter.storage.backup.AeadBackupCodec;
import dev.thingyan.ports.out.BackupException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code thingyan backup keygen FILE}: writes a new Tink streaming-AEAD keyset (owner-only) for
 * {@code backup.encryption.keyset_file}. Never overwrites: a lost keyset is lost backups.
 */
@Command(name = "keygen")
final class BackupKeygenCommand implements Callable<Integer> {
  @ParentCommand BackupCommand parent;

  @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "param.keyset_file")
  Path file;

  @Override
  public Integer call() {
    ThingyanCommand root = parent.root;
    Messages messages = root.messages();
    try {
      AeadBackupCodec.writeNewKeyset(file.toAbsolutePath());
      root.env.out().println(messages.get("keygen.done", file.toAbsolutePath()));
      return ExitCodes.OK;
    } catch (BackupException | IllegalStateException e) {
      root.env.err().println(messages.get("error.keygen", root.mask(e.getMessage())));
      return ExitCodes.FAILED;
    }
  }
}

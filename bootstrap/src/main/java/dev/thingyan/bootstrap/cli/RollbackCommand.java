package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.in.RollbackRelease;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunState;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code thingyan rollback}: answers a run waiting for the database-restore decision, or rolls
 * the current release back to the previous one. Exit 0 when the rollback itself succeeded (the
 * run then ends {@code failed} or {@code completed}, as the domain records it); 1 when it did not.
 */
@Command(name = "rollback")
final class RollbackCommand implements Callable<Integer> {
  static final String DEFAULT_REASON = "rollback requested from the CLI";

  @ParentCommand ThingyanCommand root;

  @ArgGroup(exclusive = true)
  Database database;

  @Option(names = "--reason", paramLabel = "TEXT", descriptionKey = "opt.reason")
  String reason;

  /** {@code --restore-db} or {@code --keep-db}, never both. */
  static final class Database {
    @Option(names = "--restore-db", required = true, descriptionKey = "opt.restore_db")
    boolean restore;

    @Option(names = "--keep-db", required = true, descriptionKey = "opt.keep_db")
    boolean keep;
  }

  Optional<Boolean> restoreDatabase() {
    return database == null ? Optional.empty() : Optional.of(database.restore);
  }

  @Override
  public Integer call() {
    return Session.run(root, true, s -> {
      Run run = s.system.rollbackRelease().rollback(new RollbackRelease.Request(root.actor(),
          restoreDatabase(), reason == null || reason.isBlank() ? DEFAULT_REASON : reason));
      s.ended(run);
      boolean ok = run.state().isEnding() && run.state() != RunState.ROLLBACK_FAILED
          && run.awaiting() == Run.Awaiting.NOTHING;
      return ok ? ExitCodes.OK : ExitCodes.FAILED;
    });
  }
}

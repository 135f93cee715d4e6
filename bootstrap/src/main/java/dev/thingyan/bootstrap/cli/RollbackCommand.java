package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.in.DatabaseDecisionRequiredException;
import dev.thingyan.ports.in.RollbackRelease;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunState;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code thingyan rollback}: answers a run waiting for the database-restore decision, or rolls
 * the current release back to the previous one. A manual rollback decides the database
 * explicitly: when the schema changed since the current release was installed (or that cannot be
 * told) it is refused without {@code --restore-db} or {@code --keep-db}, saying what changed and
 * what each does; on a terminal it asks instead. Whatever happens, the output says what was done
 * with the database. Exit 0 when the rollback itself succeeded (the run then ends {@code failed}
 * or {@code completed}, as the domain records it); 1 when it did not; 3 when refused.
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
      Optional<Boolean> restore = restoreDatabase();
      Run run;
      try {
        run = rollback(s, restore);
      } catch (DatabaseDecisionRequiredException decide) {
        explain(s, decide);
        Optional<Boolean> answer = ask(s, decide);
        if (answer.isEmpty()) {
          return ExitCodes.REFUSED;
        }
        restore = answer;
        run = rollback(s, restore);
      }
      s.ended(run);
      boolean ok = run.state().isEnding() && run.state() != RunState.ROLLBACK_FAILED
          && run.awaiting() == Run.Awaiting.NOTHING;
      if (ok) {
        tellDatabase(s, run, restore);
      }
      return ok ? ExitCodes.OK : ExitCodes.FAILED;
    });
  }

  private Run rollback(Session s, Optional<Boolean> restore) {
    return s.system.rollbackRelease().rollback(new RollbackRelease.Request(root.actor(), restore,
        reason == null || reason.isBlank() ? DEFAULT_REASON : reason));
  }

  /** On stderr: what changed and what each flag does, in the admin's language. */
  private void explain(Session s, DatabaseDecisionRequiredException e) {
    Messages m = s.messages;
    PrintWriter err = root.env.err();
    String unknown = m.get("value.unknown");
    String backup = e.backupId().orElse(unknown);
    String then = e.schemaAtBackup().orElse(unknown);
    String now = e.schemaNow().orElse(unknown);
    switch (e.why()) {
      case SCHEMA_CHANGED -> err.println(m.get("rollback.db.schema_changed", backup, then, now, e.rollingBackTo()));
      case SCHEMA_UNKNOWN -> err.println(m.get("rollback.db.schema_unknown", backup, then, now));
      case NO_BACKUP -> err.println(m.get("rollback.db.no_backup", e.rollingBackTo()));
    }
    if (e.canRestore()) {
      err.println("  " + m.get("rollback.db.option_restore", backup));
    }
    err.println("  " + m.get("rollback.db.option_keep", e.rollingBackTo()));
    err.flush();
  }

  /** @return the admin's answer on a terminal: restore (true), keep (false); empty when cancelled or none */
  private Optional<Boolean> ask(Session s, DatabaseDecisionRequiredException e) {
    Console console = System.console();
    if (console == null) {
      root.env.err().println(s.messages.get("rollback.db.choose"));
      return Optional.empty();
    }
    String prompt = s.messages.get(e.canRestore() ? "rollback.db.ask" : "rollback.db.ask_keep");
    String answer = Optional.ofNullable(console.readLine("%s ", prompt)).orElse("").trim().toLowerCase(Locale.ROOT);
    if (answer.equals("r") && e.canRestore()) {
      return Optional.of(true);
    }
    if (answer.equals("k")) {
      return Optional.of(false);
    }
    root.env.err().println(s.messages.get("rollback.db.cancelled"));
    return Optional.empty();
  }

  /** Says what was done with the database, whichever way it was decided. */
  private static void tellDatabase(Session s, Run run, Optional<Boolean> restore) {
    boolean restored = run.kind() == RunKind.ROLLBACK ? run.backupId().isPresent() : restore.orElse(false);
    if (restored) {
      s.out.println(s.messages.get("rollback.db.restored", run.backupId().orElse(s.messages.get("value.unknown"))));
    } else if (restore.isPresent()) {
      s.out.println(s.messages.get("rollback.db.kept_asked"));
    } else if (run.kind() == RunKind.ROLLBACK) {
      s.out.println(s.messages.get("rollback.db.kept_unchanged"));
    }
  }
}

package dev.thingyan.adapter.jdbc.journal;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.NewRun;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.RunJournal;
import java.time.Instant;
import java.util.Optional;

/** Test-data builders for runs. */
final class Runs {

  private Runs() {}

  static NewRun update(Instant startedAt) {
    return new NewRun(
        RunId.random(),
        RunKind.UPDATE,
        Optional.of(Version.parse("1.4.2")),
        Optional.of(Version.parse("1.5.0-rc.1+build.7")),
        new Actor("user:42"),
        startedAt,
        new RunOptions(false, true));
  }

  static NewRun rollback(Instant startedAt) {
    return new NewRun(
        RunId.random(),
        RunKind.ROLLBACK,
        Optional.of(Version.parse("1.5.0")),
        Optional.of(Version.parse("1.4.2")),
        new Actor("cli:root"),
        startedAt,
        RunOptions.DEFAULT);
  }

  /** Walks a created run through {@code states} (from idle), as the domain would. */
  static void walk(RunJournal journal, RunId id, RunState... states) {
    RunState at = RunState.IDLE;
    for (RunState next : states) {
      journal.transition(id, at, next, "to " + next.wireName());
      at = next;
    }
  }

  static final RunState[] TO_COMPLETED = {
    RunState.CHECKING,
    RunState.BACKUP_RUNNING,
    RunState.DOWNLOADING,
    RunState.APPLYING,
    RunState.MIGRATING,
    RunState.HEALTH_CHECK,
    RunState.COMPLETED
  };

  static final RunState[] TO_ROLLBACK_FAILED = {
    RunState.CHECKING,
    RunState.BACKUP_RUNNING,
    RunState.DOWNLOADING,
    RunState.APPLYING,
    RunState.MIGRATING,
    RunState.ROLLBACK_RUNNING,
    RunState.ROLLBACK_FAILED
  };
}

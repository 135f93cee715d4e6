package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalFixture.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.NewRun;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.out.JournalConflictException;
import dev.thingyan.ports.out.RunJournal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Runs: creation, compare-and-set transitions, fields, and the run queries. */
interface RunJournalContract extends JournalFixture {

  @Test
  default void createStoresARunInIdleWithEveryFieldAndMillisecondTimes() {
    NewRun newRun = Runs.update(clock().instant());
    Run created = journal().runJournal().create(newRun);

    assertThat(journal().runJournal().find(newRun.id())).contains(created);
    assertThat(created.state()).isEqualTo(RunState.IDLE);
    assertThat(created.kind()).isEqualTo(newRun.kind());
    assertThat(created.fromVersion()).isEqualTo(newRun.fromVersion());
    assertThat(created.targetVersion()).isEqualTo(newRun.targetVersion());
    assertThat(created.requestedBy()).isEqualTo(newRun.requestedBy());
    assertThat(created.options()).isEqualTo(newRun.options());
    assertThat(created.startedAt()).isEqualTo(millis(newRun.startedAt()));
    assertThat(created.updatedAt()).isEqualTo(created.startedAt());
    assertThat(created.awaiting()).isEqualTo(Run.Awaiting.NOTHING);
    assertThat(
            List.of(
                created.releaseDir(),
                created.previousReleaseDir(),
                created.backupId(),
                created.reason(),
                created.resolvedBy()))
        .allMatch(Optional::isEmpty);
  }

  @Test
  default void transitionMovesTheStateAndAppendsItsEventInOneWrite() {
    RunJournal runs = journal().runJournal();
    RunId id = runs.create(Runs.update(clock().instant())).id();
    clock().advance(Duration.ofSeconds(3));

    Run moved = runs.transition(id, RunState.IDLE, RunState.CHECKING, "checking for v1.5.0");

    assertThat(moved.state()).isEqualTo(RunState.CHECKING);
    assertThat(moved.updatedAt()).isEqualTo(millis(clock().instant()));
    assertThat(runs.events(id, 0, 10))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.state()).isEqualTo(RunState.CHECKING);
              assertThat(e.message()).isEqualTo("checking for v1.5.0");
              assertThat(e.step()).isEmpty();
              assertThat(e.at()).isEqualTo(millis(clock().instant()));
            });
  }

  @Test
  default void aTransitionFromAStateTheRunIsNoLongerInIsRefusedAndWritesNothing() {
    RunJournal runs = journal().runJournal();
    RunId id = runs.create(Runs.update(clock().instant())).id();
    runs.transition(id, RunState.IDLE, RunState.CHECKING, "first");

    assertThatThrownBy(() -> runs.transition(id, RunState.IDLE, RunState.FAILED, "stale"))
        .isInstanceOf(JournalConflictException.class)
        .hasMessageContaining("checking")
        .hasMessageContaining("idle");
    assertThat(runs.find(id).orElseThrow().state()).isEqualTo(RunState.CHECKING);
    assertThat(runs.events(id, 0, 10)).extracting(RunEvent::message).containsExactly("first");
  }

  @Test
  default void ofTwoRacingTransitionsFromTheSameStateExactlyOneWins() throws Exception {
    RunJournal runs = journal().runJournal();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        RunId id = runs.create(Runs.update(clock().advance(Duration.ofSeconds(1)))).id();
        AtomicInteger conflicts = new AtomicInteger();
        List<Callable<Void>> racers = new ArrayList<>();
        for (RunState next : new RunState[] {RunState.CHECKING, RunState.FAILED}) {
          racers.add(
              () -> {
                try {
                  runs.transition(id, RunState.IDLE, next, "racer " + next.wireName());
                } catch (JournalConflictException e) {
                  conflicts.incrementAndGet();
                }
                return null;
              });
        }
        for (Future<Void> f : pool.invokeAll(racers)) {
          f.get();
        }
        assertThat(conflicts).hasValue(1);
        assertThat(runs.events(id, 0, 10)).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  default void writesToAnUnknownRunFailLoudly() {
    RunJournal runs = journal().runJournal();
    RunId ghost = RunId.random();
    assertThatThrownBy(() -> runs.transition(ghost, RunState.IDLE, RunState.CHECKING, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ghost.value());
    assertThatThrownBy(() -> runs.setReason(ghost, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> runs.stepStarted(ghost, "extract"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(runs.find(ghost)).isEmpty();
  }

  @Test
  default void settersRecordTheDurableFactsRecoveryNeeds() {
    RunJournal runs = journal().runJournal();
    RunId id = runs.create(Runs.update(clock().instant())).id();
    runs.setReleaseDir(id, Path.of("/srv/pms/releases/1.5.0-20250413093000"));
    runs.setPreviousReleaseDir(id, Path.of("/srv/pms/releases/1.4.2-20250301120000"));
    runs.setBackupId(id, "bk-20250413-0930");
    clock().advance(Duration.ofMinutes(1));
    runs.setAwaiting(id, Run.Awaiting.DB_RESTORE_CONFIRMATION, "migration may have run");

    Run run = runs.find(id).orElseThrow();
    assertThat(run.releaseDir()).contains(Path.of("/srv/pms/releases/1.5.0-20250413093000"));
    assertThat(run.previousReleaseDir())
        .contains(Path.of("/srv/pms/releases/1.4.2-20250301120000"));
    assertThat(run.backupId()).contains("bk-20250413-0930");
    assertThat(run.awaiting()).isEqualTo(Run.Awaiting.DB_RESTORE_CONFIRMATION);
    assertThat(run.reason()).contains("migration may have run");
    assertThat(run.updatedAt()).isEqualTo(millis(clock().instant()));

    runs.setReason(id, "admin kept the database");
    assertThat(runs.find(id).orElseThrow().reason()).contains("admin kept the database");
  }

  @Test
  default void findUnfinishedIncludesARunStillInIdleAndSkipsEndedOnes() {
    RunJournal runs = journal().runJournal();
    assertThat(runs.findUnfinished()).isEmpty();

    RunId done = runs.create(Runs.update(clock().advance(Duration.ofMinutes(1)))).id();
    Runs.walk(runs, done, Runs.TO_COMPLETED);
    assertThat(runs.findUnfinished()).isEmpty();

    RunId fresh = runs.create(Runs.update(clock().advance(Duration.ofMinutes(1)))).id();
    assertThat(runs.findUnfinished()).map(Run::id).contains(fresh);

    Runs.walk(runs, fresh, RunState.CHECKING, RunState.BACKUP_RUNNING);
    assertThat(runs.findUnfinished()).map(Run::state).contains(RunState.BACKUP_RUNNING);
    runs.transition(fresh, RunState.BACKUP_RUNNING, RunState.BACKUP_FAILED, "disk full");
    assertThat(runs.findUnfinished()).isEmpty();
  }

  @Test
  default void findBlockingFindsTheUnresolvedRollbackFailureUntilAnAdminResolvesIt() {
    RunJournal runs = journal().runJournal();
    RunId id = runs.create(Runs.update(clock().instant())).id();
    Runs.walk(runs, id, Runs.TO_ROLLBACK_FAILED);
    assertThat(runs.findBlocking())
        .hasValueSatisfying(
            r -> {
              assertThat(r.id()).isEqualTo(id);
              assertThat(r.blocksUpdates()).isTrue();
            });
    assertThat(runs.findUnfinished()).isEmpty();

    clock().advance(Duration.ofHours(2));
    runs.resolve(id, new Actor("user:7"), "restored the database by hand");

    assertThat(runs.findBlocking()).isEmpty();
    Run resolved = runs.find(id).orElseThrow();
    assertThat(resolved.resolvedBy()).contains(new Actor("user:7"));
    assertThat(resolved.reason()).contains("restored the database by hand");
    assertThat(resolved.state()).isEqualTo(RunState.ROLLBACK_FAILED);
    assertThat(runs.events(id, 0, 100))
        .last()
        .satisfies(
            e -> {
              assertThat(e.message()).contains("user:7").contains("restored the database by hand");
              assertThat(e.state()).isEqualTo(RunState.ROLLBACK_FAILED);
            });
  }

  @Test
  default void findLastCompletedIsTheNewestCompletedUpdateNotARollbackOrAFailure() {
    RunJournal runs = journal().runJournal();
    RunId older = runs.create(Runs.update(clock().advance(Duration.ofDays(1)))).id();
    Runs.walk(runs, older, Runs.TO_COMPLETED);
    RunId newer = runs.create(Runs.update(clock().advance(Duration.ofDays(1)))).id();
    Runs.walk(runs, newer, Runs.TO_COMPLETED);
    RunId rollback = runs.create(Runs.rollback(clock().advance(Duration.ofDays(1)))).id();
    Runs.walk(runs, rollback, Runs.TO_COMPLETED);
    RunId failed = runs.create(Runs.update(clock().advance(Duration.ofDays(1)))).id();
    Runs.walk(runs, failed, RunState.CHECKING, RunState.PRECHECK_FAILED);

    assertThat(runs.findLastCompleted()).map(Run::id).contains(newer);
  }

  @Test
  default void stagedUpdatesAreTheUpdateRunsWithAReleaseFolderNewestFirstInAnyState() {
    RunJournal runs = journal().runJournal();
    RunId good = runs.create(Runs.update(clock().advance(Duration.ofDays(1)))).id();
    runs.setReleaseDir(good, Path.of("/srv/app/releases/1.0.0-20260101000000"));
    Runs.walk(runs, good, Runs.TO_COMPLETED);
    RunId noStaging = runs.create(Runs.update(clock().advance(Duration.ofDays(1)))).id();
    Runs.walk(runs, noStaging, RunState.CHECKING, RunState.PRECHECK_FAILED);
    RunId broken = runs.create(Runs.update(clock().advance(Duration.ofDays(1)))).id();
    runs.setReleaseDir(broken, Path.of("/srv/app/releases/1.2.0-20260103000000"));
    Runs.walk(runs, broken, Runs.TO_ROLLBACK_FAILED);
    RunId rollback = runs.create(Runs.rollback(clock().advance(Duration.ofDays(1)))).id();
    runs.setReleaseDir(rollback, Path.of("/srv/app/releases/1.0.0-20260101000000"));
    RunId running = runs.create(Runs.update(clock().advance(Duration.ofDays(1)))).id();
    runs.setReleaseDir(running, Path.of("/srv/app/releases/1.3.0-20260105000000"));

    assertThat(runs.stagedUpdates()).extracting(Run::id).containsExactly(running, broken, good);
    assertThat(runs.stagedUpdates().get(1).releaseDir())
        .contains(Path.of("/srv/app/releases/1.2.0-20260103000000"));
  }

  @Test
  default void historyIsNewestFirstAndLimited() {
    RunJournal runs = journal().runJournal();
    List<RunId> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(runs.create(Runs.update(clock().advance(Duration.ofMinutes(1)))).id());
    }
    assertThat(runs.history(3))
        .extracting(Run::id)
        .containsExactly(created.get(4), created.get(3), created.get(2));
    assertThat(runs.history(100)).hasSize(5);
    assertThat(runs.history(0)).isEmpty();
  }
}

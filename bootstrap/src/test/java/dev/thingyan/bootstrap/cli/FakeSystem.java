package dev.thingyan.bootstrap.cli;

import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.ports.in.ApplyUpdate;
import dev.thingyan.ports.in.BackupDatabase;
import dev.thingyan.ports.in.CheckForUpdates;
import dev.thingyan.ports.in.QueryRuns;
import dev.thingyan.ports.in.RecoverRuns;
import dev.thingyan.ports.in.ResolveBlock;
import dev.thingyan.ports.in.RollbackRelease;
import dev.thingyan.ports.in.SwitchGate;
import dev.thingyan.ports.in.UpdateCheck;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.model.GateStatus;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.out.RunListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A hand-written stand-in for the wired system: each use case answers what the test set, and
 * the requests it received are kept for the test to inspect. The CLI's own logic is what is tested.
 */
final class FakeSystem implements ThingyanSystem {
  final List<Object> requests = new ArrayList<>();
  final List<RunListener> listeners = new ArrayList<>();
  int recoverCalls;
  boolean closed;

  Function<Object, Run> apply = r -> Runs.run("r-1", RunState.COMPLETED);
  Supplier<UpdateCheck> check = () -> new UpdateCheck(Optional.empty(), Optional.empty(), List.of());
  Function<Object, Run> rollback = r -> Runs.run("r-2", RunState.FAILED);
  Supplier<Optional<Run>> recovered = Optional::empty;
  QueryRuns.Status status = new QueryRuns.Status(Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), false);
  List<Run> history = List.of();
  Map<RunId, QueryRuns.Detail> details = new HashMap<>();
  List<BackupRecord> backups = List.of();
  Supplier<BackupRecord> backup = () -> { throw new IllegalStateException("no backup set"); };
  /** What {@code gate off} does: answers the gate's state, or throws (a refusal). */
  Supplier<GateStatus> lowerGate = () -> GateStatus.DOWN;

  /** Tells the listeners, as the journal would while a run goes on. */
  void emit(RunEvent event) {
    listeners.forEach(l -> l.onEvent(event));
  }

  @Override
  public CheckForUpdates checkForUpdates() {
    return request -> {
      requests.add(request);
      return check.get();
    };
  }

  @Override
  public ApplyUpdate applyUpdate() {
    return request -> {
      requests.add(request);
      return apply.apply(request);
    };
  }

  @Override
  public RollbackRelease rollbackRelease() {
    return request -> {
      requests.add(request);
      return rollback.apply(request);
    };
  }

  @Override
  public ResolveBlock resolveBlock() {
    return (Actor actor, String reason, boolean keepGate) -> {
      requests.add(actor + " " + reason + (keepGate ? " (keep gate)" : ""));
      return Runs.run("r-9", RunState.ROLLBACK_FAILED);
    };
  }

  @Override
  public SwitchGate switchGate() {
    return new SwitchGate() {
      @Override
      public GateStatus raise(Actor actor, String reason) {
        requests.add("gate on " + actor + " " + reason);
        return new GateStatus(true, Optional.of(reason), false);
      }

      @Override
      public GateStatus lower(Actor actor, String reason) {
        requests.add("gate off " + actor + " " + reason);
        return lowerGate.get();
      }

      @Override
      public GateStatus status() {
        return status.gate();
      }
    };
  }

  @Override
  public RecoverRuns recoverRuns() {
    return () -> {
      recoverCalls++;
      return recovered.get();
    };
  }

  @Override
  public QueryRuns queryRuns() {
    return new QueryRuns() {
      @Override
      public Status status() {
        return status;
      }

      @Override
      public List<Run> history(int limit) {
        requests.add("history " + limit);
        return history;
      }

      @Override
      public Optional<Detail> run(RunId id) {
        return Optional.ofNullable(details.get(id));
      }
    };
  }

  @Override
  public BackupDatabase backupDatabase() {
    return new BackupDatabase() {
      @Override
      public BackupRecord backup(Actor actor, java.util.function.LongConsumer progress) {
        requests.add("backup " + actor);
        return backup.get();
      }

      @Override
      public BackupRecord restore(Actor actor, String backupId, java.util.function.LongConsumer progress) {
        requests.add("restore " + backupId + " " + actor);
        return backup.get();
      }

      @Override
      public String verify(Actor actor, String backupId) {
        requests.add("verify " + backupId + " " + actor);
        return "2 tables, 5 rows";
      }

      @Override
      public List<BackupRecord> list() {
        return backups;
      }
    };
  }

  @Override
  public Subscription addListener(RunListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public void removeListener(RunListener listener) {
    listeners.remove(listener);
  }

  @Override
  public dev.thingyan.ports.in.StartUpdate startUpdate() {
    throw new UnsupportedOperationException("the CLI runs updates to their end");
  }

  @Override
  public dev.thingyan.ports.in.WatchRuns watchRuns() {
    throw new UnsupportedOperationException("the CLI prints events as they come");
  }

  @Override
  public dev.thingyan.ports.in.SubmitErrorReport submitErrorReport() {
    throw new UnsupportedOperationException("the report commands are tested on the real system");
  }

  @Override
  public dev.thingyan.ports.in.DeliverErrorReports deliverErrorReports() {
    throw new UnsupportedOperationException("the report commands are tested on the real system");
  }

  @Override
  public dev.thingyan.ports.in.QueryErrorReports queryErrorReports() {
    throw new UnsupportedOperationException("the report commands are tested on the real system");
  }

  @Override
  public void startReportWorker() {
    requests.add("startReportWorker");
  }

  @Override
  public void close() {
    closed = true;
  }
}

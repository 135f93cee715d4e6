package dev.thingyan.domain.run;

import static dev.thingyan.ports.model.RunState.CHECKING;
import static dev.thingyan.ports.model.RunState.ROLLBACK_RUNNING;

import dev.thingyan.domain.backup.EarlyBackup;
import dev.thingyan.domain.policy.FailedReleases;
import dev.thingyan.domain.policy.ReleaseSelection;
import dev.thingyan.ports.in.ApplyUpdate;
import dev.thingyan.ports.in.BackupDatabase;
import dev.thingyan.ports.in.CheckForUpdates;
import dev.thingyan.ports.in.QueryRuns;
import dev.thingyan.ports.in.RecoverRuns;
import dev.thingyan.ports.in.ResolveBlock;
import dev.thingyan.ports.in.RollbackRelease;
import dev.thingyan.ports.in.SwitchGate;
import dev.thingyan.ports.in.RunRefusedException;
import dev.thingyan.ports.in.UpdateCheck;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.model.GateStatus;
import dev.thingyan.ports.model.FailedRelease;
import dev.thingyan.ports.model.InstalledRelease;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.NewRun;
import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.ReleaseSourceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * The core's driving ports in one object: check, apply, rollback, resolve, recover, queries and
 * manual backups. Each changing operation holds the run locks for its whole length.
 */
public final class UpdateCore implements CheckForUpdates, ApplyUpdate, RollbackRelease, ResolveBlock,
    RecoverRuns, BackupDatabase, SwitchGate {

  private final RunServices s;
  private final Rollback rollback;
  private final UpdateRun update;
  private final Recovery recovery;
  private final RunQueries queries;
  private final ManualBackups manualBackups;
  private final ManualGate manualGate;
  private final AtomicReference<EarlyBackup> early = new AtomicReference<>();

  public UpdateCore(CorePorts ports, UpdateSettings settings) {
    this.s = new RunServices(ports, settings);
    this.rollback = new Rollback(s);
    this.update = new UpdateRun(s, rollback);
    this.recovery = new Recovery(s, update, rollback);
    this.queries = new RunQueries(ports, s.gate);
    this.manualBackups = new ManualBackups(s);
    this.manualGate = new ManualGate(s);
  }

  /** @return the read-only views. */
  public QueryRuns queries() {
    return queries;
  }

  @Override
  public UpdateCheck check(UpdateRequest request) {
    Optional<Version> current = s.currentVersion();
    Selection selection;
    Optional<String> sourceFailure = Optional.empty();
    try {
      selection = selectOrThrow(request, current);
    } catch (ReleaseSourceException e) {
      // "could not ask" is not "nothing newer": the answer says which it was
      selection = Selection.none(e.getMessage());
      sourceFailure = Optional.of(e.getMessage());
    }
    Path dir = s.ports.workspace().downloadDir("check-" + RunId.random().value());
    try {
      Prechecks.Report report = s.prechecks.run(current, selection, request.options(), Optional.empty(), dir);
      return new UpdateCheck(current, selection.release(), report.findings(), selection.passedOver(),
          selection.considered(), sourceFailure);
    } finally {
      s.deleteQuietly(null, dir);
    }
  }

  @Override
  public Run apply(UpdateRequest request) {
    dropEarlyBackup();
    try (RunLocks.Held locks = s.locks.acquire()) {
      refuseWhenBusy();
      Optional<InstalledRelease> current = s.ports.workspace().current();
      Optional<Version> from = current.flatMap(InstalledRelease::version);
      Selection selection = select(request, from);
      Run run = s.ports.journal().create(new NewRun(RunId.random(), RunKind.UPDATE, from,
          selection.release().map(Release::version), request.actor(), s.ports.clock().instant(), request.options()));
      current.ifPresent(c -> s.ports.journal().setPreviousReleaseDir(run.id(), c.dir()));
      RunRecorder rec = s.recorder(s.ports.journal().find(run.id()).orElseThrow());
      locks.notes().forEach(n -> rec.log(LogLevel.WARN, null, n));
      s.audit("system.update.started", rec.run(), null);
      rec.transition(CHECKING, "checking " + selection.release().map(r -> "release " + r.tag()).orElse("for a release")
          + " (requested by " + request.actor() + ")");
      return update.execute(rec, selection);
    }
  }

  @Override
  public Run rollback(Request request) {
    dropEarlyBackup();
    try (RunLocks.Held locks = s.locks.acquire()) {
      Optional<Run> unfinished = s.ports.journal().findUnfinished();
      if (unfinished.isPresent()) {
        return answer(unfinished.get(), request);
      }
      refuseWhenBusy(Repair.ALLOWED);
      return new ManualRollback(s, rollback).start(request);
    }
  }

  private Run answer(Run run, Request request) {
    if (run.awaiting() != Run.Awaiting.DB_RESTORE_CONFIRMATION) {
      throw new RunRefusedException("run " + run.id() + " is still " + run.state().wireName()
          + ": wait for it to end (`thingyan status`)");
    }
    if (request.restoreDatabase().isEmpty()) {
      throw new RunRefusedException("run " + run.id() + " waits for your decision about the database: "
          + "run `thingyan rollback --restore-db` or `thingyan rollback --keep-db`");
    }
    RunRecorder rec = s.recorder(run).resumed();
    rec.log(LogLevel.INFO, "db_restore", request.actor() + " decided to "
        + (request.restoreDatabase().get() ? "restore the database" : "keep the database") + ": " + request.reason());
    s.audit("system.rollback.started", run, "admin decision: restore database = " + request.restoreDatabase().get());
    return rollback.proceed(rec, request.restoreDatabase());
  }

  @Override
  public Run resolve(Actor actor, String reason, boolean keepGate) {
    dropEarlyBackup();
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason: say what was repaired (it is kept in the audit trail)");
    }
    try (RunLocks.Held locks = s.locks.acquire()) {
      Run run = s.ports.journal().findBlocking().orElseThrow(() ->
          new RunRefusedException("nothing is blocked: no unresolved rollback failure"));
      // the block goes only with a healthy app, and takes the gate (thingyan's or the app's own)
      // with it; or, asked to keep the gate, the block goes and the gate stays up
      boolean lowered = !keepGate && manualGate.lowerWhenHealthy("resolve of run " + run.id() + " by " + actor);
      s.ports.journal().resolve(run.id(), actor, reason);
      if (lowered) s.audit("system.gate.off", actor, Map.of("reason", "resolve of run " + run.id()));
      s.audit("system.update.resolved", actor, Map.of("run_id", run.id().value(), "reason", s.masker.mask(reason),
          "gate", keepGate ? "kept up" : lowered ? "lowered" : "was down"));
      return s.ports.journal().find(run.id()).orElseThrow();
    }
  }

  @Override
  public Optional<Run> recover() {
    Optional<Run> unfinished = s.ports.journal().findUnfinished();
    if (unfinished.isEmpty()) {
      return Optional.empty();
    }
    // the database may be restored now: a dump begun before the recovery must not be the backup
    dropEarlyBackup();
    try (RunLocks.Held locks = s.locks.acquire()) {
      Run run = s.ports.journal().find(unfinished.get().id()).orElseThrow();
      return Optional.of(run.state().isEnding() ? run : recovery.recover(run));
    } catch (RunRefusedException busy) {
      return unfinished; // a live process is working on it: not ours to recover
    }
  }

  @Override
  public BackupRecord backup(Actor actor, LongConsumer progress) {
    Optional<EarlyBackup> begun = Optional.ofNullable(early.getAndSet(null));
    try (RunLocks.Held locks = s.locks.acquire()) {
      refuseWhenBusy();
      return manualBackups.backup(actor, progress, begun);
    } catch (RuntimeException e) {
      begun.ifPresent(EarlyBackup::cancel); // does nothing once the backup took it
      throw e;
    }
  }

  /**
   * Hands over a manual backup's dump that began before this core was built (see {@link
   * EarlyBackup}): the next {@link #backup} uses it, after the same locks and checks as any
   * backup; any other changing operation, a recovery with work to do, or {@link
   * #dropEarlyBackup()} cancels it first.
   */
  public void adoptEarlyBackup(EarlyBackup begun) {
    EarlyBackup previous = early.getAndSet(begun);
    if (previous != null) {
      previous.cancel();
    }
  }

  /** Cancels an adopted early dump that no backup took (nothing of it is stored). */
  public void dropEarlyBackup() {
    EarlyBackup begun = early.getAndSet(null);
    if (begun != null) {
      begun.cancel();
    }
  }

  @Override
  public BackupRecord restore(Actor actor, String backupId, LongConsumer progress) {
    dropEarlyBackup();
    try (RunLocks.Held locks = s.locks.acquire()) {
      refuseWhenBusy(Repair.ALLOWED);
      return manualBackups.restore(actor, backupId, progress);
    }
  }

  @Override
  public String verify(Actor actor, String backupId) {
    return manualBackups.verify(actor, backupId);
  }

  @Override
  public List<BackupRecord> list() {
    return s.ports.backupCatalog().list();
  }

  @Override
  public GateStatus raise(Actor actor, String reason) {
    requireReason(reason);
    dropEarlyBackup();
    try (RunLocks.Held locks = s.locks.acquire()) {
      refuseWhenBusy(Repair.ALLOWED);
      return manualGate.raise(actor, reason);
    }
  }

  @Override
  public GateStatus lower(Actor actor, String reason) {
    requireReason(reason);
    dropEarlyBackup();
    try (RunLocks.Held locks = s.locks.acquire()) {
      refuseWhenBusy(Repair.ALLOWED);
      return manualGate.lower(actor, reason);
    }
  }

  @Override
  public GateStatus status() {
    return s.gate.status();
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason: say why (it is kept in the audit trail)");
    }
  }

  /**
   * Whether an operation may run while updates are blocked by a {@code rollback_failed} run: the
   * repairs an admin makes before {@code resolve} (a restore, a rollback, the gate) may.
   */
  private enum Repair { ALLOWED, REFUSED }

  private void refuseWhenBusy() {
    refuseWhenBusy(Repair.REFUSED);
  }

  private void refuseWhenBusy(Repair repair) {
    if (repair == Repair.REFUSED) s.ports.journal().findBlocking().ifPresent(r -> {
      throw new RunRefusedException("updates are blocked: run " + r.id() + " ended in rollback_failed ("
          + r.reason().orElse("no reason recorded") + "). Repair, then `thingyan resolve --reason \"...\"`");
    });
    s.ports.journal().findUnfinished().ifPresent(r -> {
      throw new RunRefusedException("run " + r.id() + " is still " + r.state().wireName()
          + (r.awaiting() == Run.Awaiting.DB_RESTORE_CONFIRMATION
              ? " and waits for an admin: `thingyan rollback --restore-db` or `--keep-db`"
              : ": wait for it to end (`thingyan status`)"));
    });
  }

  private static String passedOver(FailedRelease f) {
    return f.version() + " failed on " + f.failedAt() + " (run " + f.runId() + ", "
        + f.endedAs().wireName() + ") and is not offered again; `thingyan apply " + f.version() + "` to retry";
  }

  private Selection select(UpdateRequest request, Optional<Version> current) {
    try {
      return selectOrThrow(request, current);
    } catch (ReleaseSourceException e) {
      return Selection.none(e.getMessage());
    }
  }

  private Selection selectOrThrow(UpdateRequest request, Optional<Version> current) {
    boolean pre = request.options().allowPreRelease() || s.settings.intake().allowPreRelease();
    {
      if (request.version().isPresent()) {
        String wanted = request.version().get();
        Optional<Release> r = s.ports.source().release(wanted)
            .or(() -> wanted.startsWith("v") ? Optional.empty() : s.ports.source().release("v" + wanted));
        if (r.isPresent() && !pre && ReleaseSelection.isPreRelease(r.get())) {
          return Selection.none("release " + r.get().tag() + " is a pre-release; pre-releases are "
              + "installed only with --pre or source.github.allow_prerelease: true");
        }
        return r.map(x -> Selection.of(x, "release " + x.tag() + " requested"))
            .orElseGet(() -> Selection.none("release " + wanted + " was not found in " + s.ports.source().describe()));
      }
      List<FailedRelease> failed = FailedReleases.of(s.ports.journal().stagedUpdates(), s.ports.journal()::steps);
      ReleaseSelection.Candidates candidates = ReleaseSelection.candidates(
          s.ports.source().releases(), current, pre, failed);
      Path dir = s.ports.workspace().downloadDir("select-" + RunId.random().value());
      try {
        Selection chosen = new ReleaseChooser(s).choose(candidates, current, request.options(),
            request.actor(), dir);
        String skipped = chosen.passedOver().stream().map(UpdateCore::passedOver)
            .collect(Collectors.joining("; "));
        return skipped.isEmpty() ? chosen : new Selection(chosen.release(),
            chosen.reason() + " (" + skipped + ")", chosen.passedOver(), chosen.considered());
      } finally {
        s.deleteQuietly(null, dir);
      }
    }
  }

}

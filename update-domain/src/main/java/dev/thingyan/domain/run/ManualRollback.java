package dev.thingyan.domain.run;

import static dev.thingyan.ports.model.RunState.ROLLBACK_RUNNING;

import dev.thingyan.ports.in.RollbackRelease;
import dev.thingyan.ports.in.RunRefusedException;
import dev.thingyan.ports.model.InstalledRelease;
import dev.thingyan.ports.model.NewRun;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An admin's rollback of the current release to the one before it: the release the last
 * completed update replaced, or else the newest older release folder.
 */
final class ManualRollback {

  private final RunServices s;
  private final Rollback rollback;

  ManualRollback(RunServices services, Rollback rollback) {
    this.s = services;
    this.rollback = rollback;
  }

  Run start(RollbackRelease.Request request) {
    InstalledRelease current = s.ports.workspace().current()
        .orElseThrow(() -> new RunRefusedException("nothing is installed yet: there is nothing to roll back"));
    Optional<Run> lastUpdate = s.ports.journal().findLastCompleted()
        .filter(r -> r.releaseDir().map(d -> RunServices.same(d, current.dir())).orElse(false));
    InstalledRelease target = previous(current, lastUpdate);
    boolean restore = request.restoreDatabase().orElse(false);
    Optional<String> backup = restore ? lastUpdate.flatMap(Run::backupId) : Optional.empty();
    if (restore && backup.isEmpty()) {
      throw new RunRefusedException("no pre-update backup is recorded for the current release, so the "
          + "database cannot be restored with it; roll back without --restore-db or restore a backup by hand");
    }
    Run run = s.ports.journal().create(new NewRun(RunId.random(), RunKind.ROLLBACK, current.version(),
        target.version(), request.actor(), s.ports.clock().instant(), RunOptions.DEFAULT));
    s.ports.journal().setReleaseDir(run.id(), target.dir());
    s.ports.journal().setPreviousReleaseDir(run.id(), current.dir());
    backup.ifPresent(b -> s.ports.journal().setBackupId(run.id(), b));
    s.ports.journal().setReason(run.id(), request.reason());
    RunRecorder rec = s.recorder(s.ports.journal().find(run.id()).orElseThrow());
    rec.transition(ROLLBACK_RUNNING, "rolling back to " + target.dir().getFileName() + ": " + request.reason());
    s.audit("system.rollback.started", rec.refresh(), request.reason());
    return rollback.proceed(rec, Optional.empty());
  }

  private InstalledRelease previous(InstalledRelease current, Optional<Run> lastUpdate) {
    Optional<Path> recorded = lastUpdate.flatMap(Run::previousReleaseDir).filter(java.nio.file.Files::isDirectory);
    List<InstalledRelease> installed = s.ports.workspace().installed();
    if (recorded.isPresent()) {
      return installed.stream().filter(r -> RunServices.same(r.dir(), recorded.get())).findFirst()
          .orElse(new InstalledRelease(recorded.get(), Optional.empty()));
    }
    int at = -1;
    for (int i = 0; i < installed.size(); i++) {
      if (RunServices.same(installed.get(i).dir(), current.dir())) at = i;
    }
    if (at < 0 || at + 1 >= installed.size()) {
      throw new RunRefusedException("there is no release older than " + current.dir().getFileName() + " to roll back to");
    }
    return installed.get(at + 1);
  }
}

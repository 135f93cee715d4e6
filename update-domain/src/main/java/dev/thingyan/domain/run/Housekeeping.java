package dev.thingyan.domain.run;

import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.Run;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Retention after a completed update: old release folders and old backups go, never
 * {@code current}, the last known good release, or the backup that leads back to it. A failure
 * here is logged, never a reason to undo a healthy update.
 */
final class Housekeeping {

  private final RunServices s;

  Housekeeping(RunServices services) {
    this.s = services;
  }

  void afterCompletion(RunRecorder rec, Run run) {
    s.deleteQuietly(rec, s.ports.workspace().downloadDir(run.id().value()));
    run.targetVersion().ifPresent(v -> s.deleteQuietly(rec, s.packageDir(v)));
    try {
      Set<Path> protect = new HashSet<>();
      run.releaseDir().ifPresent(protect::add);
      run.previousReleaseDir().ifPresent(protect::add);
      List<Path> removed = s.ports.workspace().prune(s.settings.keepReleases(), protect);
      if (!removed.isEmpty()) {
        rec.log(LogLevel.INFO, null, "removed old releases: " + removed.stream().map(Path::getFileName).toList());
      }
    } catch (RuntimeException e) {
      rec.log(LogLevel.WARN, null, "could not prune old releases: " + RunRecorder.describe(e));
    }
    pruneBackups(rec, run);
  }

  private void pruneBackups(RunRecorder rec, Run run) {
    try {
      for (BackupRecord b : s.pruneBackups(run.backupId().map(Set::of).orElse(Set.of()))) {
        rec.log(LogLevel.INFO, null, "removed old backup " + b.backupId());
      }
    } catch (RuntimeException e) {
      rec.log(LogLevel.WARN, null, "could not prune old backups (nothing more was deleted): " + RunRecorder.describe(e));
    }
  }
}

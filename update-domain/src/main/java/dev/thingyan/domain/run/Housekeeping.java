package dev.thingyan.domain.run;

import dev.thingyan.domain.policy.ReleaseRetention;
import dev.thingyan.ports.model.BackupRecord;
import dev.thingyan.ports.model.InstalledRelease;
import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunKind;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Clean-up at the end of a run. After any update: its downloads, and the folders of releases that
 * failed (they are worth nothing to a rollback, so they neither count toward
 * {@code releases.keep} nor stay). After a completed one also the good releases beyond
 * {@code releases.keep}, and old backups. Never {@code current}, the last known good release,
 * the release a rollback would go back to, nor the run's own previous release. A failure here is
 * logged, never a reason to undo a healthy update or to stop a rollback.
 */
final class Housekeeping {

  private final RunServices s;

  Housekeeping(RunServices services) {
    this.s = services;
  }

  void afterCompletion(RunRecorder rec, Run run) {
    downloads(rec, run, true);
    // the release this one replaced stays as the rollback target, unless it is a failed one
    releases(rec, s.settings.keepReleases(), Set.of(), run.releaseDir().map(Set::of).orElse(Set.of()));
    pruneBackups(rec, run);
  }

  /**
   * After an update was rolled back (or its rollback failed): its release folder goes unless it is
   * still {@code current} or needed, with every other failed release's; its downloads go.
   *
   * @param downloaded whether the package was downloaded whole (a partial one stays, to resume)
   */
  void afterRollback(RunRecorder rec, Run run, boolean downloaded) {
    downloads(rec, run, downloaded);
    if (run.kind() != RunKind.UPDATE) return; // a manual rollback's release folder is the good one
    Set<Path> failed = new HashSet<>();
    run.releaseDir().ifPresent(failed::add);
    releases(rec, Integer.MAX_VALUE, failed, run.previousReleaseDir().map(Set::of).orElse(Set.of()));
  }

  private void downloads(RunRecorder rec, Run run, boolean downloaded) {
    s.deleteQuietly(rec, s.ports.workspace().downloadDir(run.id().value()));
    // an interrupted download stays for the next run to resume; a finished one is of no more use
    if (downloaded) run.targetVersion().ifPresent(v -> s.deleteQuietly(rec, s.packageDir(v)));
  }

  private void releases(RunRecorder rec, int keep, Set<Path> alsoFailed, Set<Path> alsoProtect) {
    try {
      KnownReleases known = KnownReleases.read(s);
      Set<Path> protect = new HashSet<>(alsoProtect);
      known.current.map(InstalledRelease::dir).ifPresent(protect::add);
      known.lastGood().ifPresent(protect::add);
      known.rollbackTarget().ifPresent(protect::add);
      Set<Path> failed = new HashSet<>(known.failed);
      failed.addAll(alsoFailed);
      List<Path> doomed = ReleaseRetention.toDelete(known.dirs(), keep, protect, failed);
      if (doomed.isEmpty()) return;
      List<Path> removed = s.ports.workspace().prune(doomed);
      Set<Path> gone = new HashSet<>(removed);
      List<Path> failedGone = removed.stream().filter(d -> failed.contains(d)).toList();
      List<Path> oldGone = removed.stream().filter(d -> !failed.contains(d)).toList();
      if (!failedGone.isEmpty()) rec.log(LogLevel.INFO, null, "removed failed releases: " + names(failedGone));
      if (!oldGone.isEmpty()) rec.log(LogLevel.INFO, null, "removed old releases: " + names(oldGone));
      List<Path> stayed = doomed.stream().filter(d -> !gone.contains(d)).toList();
      if (!stayed.isEmpty()) {
        rec.log(LogLevel.WARN, null, "could not remove releases (they stay until the next clean-up): " + names(stayed));
      }
    } catch (RuntimeException e) {
      rec.log(LogLevel.WARN, null, "could not prune releases: " + RunRecorder.describe(e));
    }
  }

  private static List<String> names(List<Path> dirs) {
    return dirs.stream().map(d -> String.valueOf(d.getFileName())).toList();
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

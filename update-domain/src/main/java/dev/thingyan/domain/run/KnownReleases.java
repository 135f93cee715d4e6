package dev.thingyan.domain.run;

import dev.thingyan.domain.policy.ReleaseRetention;
import dev.thingyan.ports.model.InstalledRelease;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the journal and the release folders say together: which folders only ever held a failed
 * release, the last known good release, the update that installed {@code current} and the release
 * a rollback from it would go back to. Read once, under the run locks.
 */
final class KnownReleases {

  final List<InstalledRelease> installed;
  final Optional<InstalledRelease> current;
  final Set<Path> failed;
  final Optional<Run> lastCompleted;
  private final List<Run> staged;

  private KnownReleases(RunServices s) {
    this.installed = s.ports.workspace().installed();
    this.current = s.ports.workspace().current();
    this.staged = s.ports.journal().stagedUpdates();
    this.failed = ReleaseRetention.failed(staged);
    this.lastCompleted = s.ports.journal().findLastCompleted();
  }

  static KnownReleases read(RunServices s) {
    return new KnownReleases(s);
  }

  List<Path> dirs() {
    return installed.stream().map(InstalledRelease::dir).toList();
  }

  /** @return the release folder of the last completed update: the last known good release */
  Optional<Path> lastGood() {
    return lastCompleted.flatMap(Run::releaseDir);
  }

  /** @return the newest completed update whose release is {@code current} */
  Optional<Run> installedCurrent() {
    if (current.isEmpty()) return Optional.empty();
    Path dir = current.get().dir();
    return staged.stream()
        .filter(r -> r.state() == RunState.COMPLETED)
        .filter(r -> r.releaseDir().map(d -> RunServices.same(d, dir)).orElse(false))
        .findFirst();
  }

  /** @return the folder a rollback from {@code current} goes back to, if there is one */
  Optional<Path> rollbackTarget() {
    if (current.isEmpty()) return Optional.empty();
    Optional<Path> replaced = installedCurrent().flatMap(Run::previousReleaseDir).filter(Files::isDirectory);
    return ReleaseRetention.rollbackTarget(dirs(), current.get().dir(), replaced, failed);
  }
}

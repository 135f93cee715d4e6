package dev.thingyan.domain.policy;

import dev.thingyan.ports.model.FailedRelease;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which versions failed when installed: the latest update run that staged the version ended
 * {@code failed} (rolled back) or {@code rollback_failed}. A run that stopped before staging (a
 * precheck, the backup, the download) says nothing about the release, and a later completed
 * installation of the same version clears it.
 */
public final class FailedReleases {

  private FailedReleases() {}

  /**
   * @param stagedUpdates the update runs that staged a release folder, in any order
   * @return the failed versions, newest version first
   */
  public static List<FailedRelease> of(List<Run> stagedUpdates) {
    List<Run> latestFirst = stagedUpdates.stream()
        .filter(r -> r.kind() == RunKind.UPDATE && r.releaseDir().isPresent() && r.targetVersion().isPresent())
        .filter(r -> r.state().isEnding())
        .sorted(Comparator.comparing(Run::startedAt).reversed())
        .toList();
    List<Version> judged = new ArrayList<>();
    List<FailedRelease> failed = new ArrayList<>();
    for (Run r : latestFirst) {
      Version v = r.targetVersion().get();
      if (judged.stream().anyMatch(j -> j.compareTo(v) == 0)) continue;
      judged.add(v);
      if (r.state() == RunState.FAILED || r.state() == RunState.ROLLBACK_FAILED) {
        failed.add(new FailedRelease(v, r.id(), r.state(), r.updatedAt()));
      }
    }
    failed.sort(Comparator.comparing(FailedRelease::version).reversed());
    return failed;
  }

  /** @return the failure recorded for this version, if it failed */
  public static Optional<FailedRelease> find(List<FailedRelease> failed, Version version) {
    return failed.stream().filter(f -> f.version().compareTo(version) == 0).findFirst();
  }

  /** @return the failed versions newer than {@code current} (all of them when it is unknown) */
  public static List<FailedRelease> newerThan(List<FailedRelease> failed, Optional<Version> current) {
    return failed.stream().filter(f -> current.isEmpty() || f.version().compareTo(current.get()) > 0).toList();
  }
}

package dev.thingyan.domain.policy;

import dev.thingyan.ports.model.FailedRelease;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.StepOutcome;
import dev.thingyan.ports.model.StepRecord;
import dev.thingyan.ports.model.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which versions failed when installed. An attempt at a version is conclusive when it completed,
 * or when it ended {@code failed} (rolled back) or {@code rollback_failed} after a step of the
 * release itself failed: its archive, its hooks, its health. An attempt that stopped for another
 * reason (the process was killed, the download or the shared folders failed) says nothing about
 * the release. The newest conclusive attempt decides, so a later completed installation of the
 * same version clears an earlier failure.
 */
public final class FailedReleases {

  /** The steps whose failure is the release's own (the hook steps are named by their phase). */
  static final Set<String> RELEASE_STEPS = Set.of("extract", "install", "warm", "migrate", "preview", "post_swap",
      "health", "preview_health");

  private FailedReleases() {}

  /**
   * @param stagedUpdates the update runs that staged a release folder, in any order
   * @param stepsOf the journaled steps of a run (asked only for runs that ended badly)
   * @return the failed versions, newest version first
   */
  public static List<FailedRelease> of(List<Run> stagedUpdates, Function<RunId, List<StepRecord>> stepsOf) {
    List<Run> latestFirst = stagedUpdates.stream()
        .filter(r -> r.kind() == RunKind.UPDATE && r.releaseDir().isPresent() && r.targetVersion().isPresent())
        .filter(r -> r.state() == RunState.COMPLETED || endedBadly(r))
        .sorted(Comparator.comparing(Run::startedAt).reversed())
        .toList();
    List<Version> judged = new ArrayList<>();
    List<FailedRelease> failed = new ArrayList<>();
    for (Run r : latestFirst) {
      Version v = r.targetVersion().get();
      if (judged.stream().anyMatch(j -> j.compareTo(v) == 0)) continue;
      if (r.state() == RunState.COMPLETED) {
        judged.add(v);
      } else if (releaseStepFailed(stepsOf.apply(r.id()))) {
        judged.add(v);
        failed.add(new FailedRelease(v, r.id(), r.state(), r.updatedAt()));
      }
    }
    failed.sort(Comparator.comparing(FailedRelease::version).reversed());
    return failed;
  }

  private static boolean endedBadly(Run r) {
    return r.state() == RunState.FAILED || r.state() == RunState.ROLLBACK_FAILED;
  }

  private static boolean releaseStepFailed(List<StepRecord> steps) {
    return steps.stream().anyMatch(st -> RELEASE_STEPS.contains(st.step())
        && st.outcome().filter(o -> o == StepOutcome.FAILED).isPresent());
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

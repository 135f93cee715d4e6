package dev.thingyan.domain.policy;

import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which release folders stay. A folder that only ever held a failed release is worth nothing to a
 * rollback, so it neither counts toward {@code releases.keep} nor stays; of the others the newest
 * {@code keep} stay. Never deleted, whatever the count: {@code current}, the last known good
 * release and the release a rollback would go back to (the caller's {@code protect}).
 */
public final class ReleaseRetention {

  private ReleaseRetention() {}

  /**
   * @param newestFirst every release folder, newest first
   * @param keep how many folders that did not fail stay (protected ones count when among them)
   * @param protect never deleted
   * @param failed folders that only ever held a failed release: deleted unless protected
   * @return the folders to delete, oldest first
   */
  public static List<Path> toDelete(List<Path> newestFirst, int keep, Set<Path> protect, Set<Path> failed) {
    if (keep < 0) {
      throw new IllegalArgumentException("keep must not be negative, was " + keep);
    }
    Set<Path> kept = normal(protect);
    Set<Path> bad = normal(failed);
    List<Path> doomed = new ArrayList<>();
    int good = 0;
    for (Path dir : newestFirst) {
      Path d = dir.normalize();
      boolean isFailed = bad.contains(d);
      if (!isFailed) good++;
      if (!kept.contains(d) && (isFailed || good > keep)) doomed.add(dir);
    }
    Collections.reverse(doomed);
    return doomed;
  }

  /**
   * @param stagedUpdates the update runs that staged a release folder (any order)
   * @return the folders that only ever held a failed release: staged by an update that ended
   *     other than completed, never by one that completed. A run still going is not judged.
   */
  public static Set<Path> failed(List<Run> stagedUpdates) {
    Set<Path> served = new HashSet<>();
    Set<Path> failed = new HashSet<>();
    for (Run r : stagedUpdates) {
      if (r.releaseDir().isEmpty() || !r.state().isEnding()) continue;
      Path d = r.releaseDir().get().normalize();
      (r.state() == RunState.COMPLETED ? served : failed).add(d);
    }
    failed.removeAll(served);
    return failed;
  }

  /**
   * The release a rollback from {@code current} goes back to: the one the update that installed
   * {@code current} replaced, when known and not a failed one (a first install that failed stays
   * {@code current} until the next one replaces it); else the newest folder older than
   * {@code current} that did not fail.
   *
   * @param newestFirst every release folder, newest first
   * @param replaced the folder the update that installed {@code current} replaced, if it still exists
   */
  public static Optional<Path> rollbackTarget(List<Path> newestFirst, Path current, Optional<Path> replaced,
      Set<Path> failed) {
    Set<Path> bad = normal(failed);
    List<Path> all = newestFirst.stream().map(Path::normalize).toList();
    if (replaced.isPresent() && !bad.contains(replaced.get().normalize())) {
      return replaced.map(Path::normalize);
    }
    int at = all.indexOf(current.normalize());
    if (at < 0) return Optional.empty();
    return all.subList(at + 1, all.size()).stream().filter(d -> !bad.contains(d)).findFirst();
  }

  private static Set<Path> normal(Set<Path> paths) {
    Set<Path> out = new HashSet<>();
    paths.forEach(p -> out.add(p.normalize()));
    return out;
  }
}

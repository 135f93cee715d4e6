package dev.thingyan.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReleaseRetentionTest {

  private static final Path RELEASES = Path.of("/srv/pms/releases");

  private static Path dir(String name) {
    return RELEASES.resolve(name);
  }

  @Test
  void threeFailedFoldersDoNotPushTheOlderGoodReleaseOut() {
    // the case: 1.1.0 current, three failed 1.2.0 attempts, then 1.3.0 completed, keep 3
    Path v100 = dir("1.0.0-20260101000000");
    Path v110 = dir("1.1.0-20260102000000");
    Path f1 = dir("1.2.0-20260103000000");
    Path f2 = dir("1.2.0-20260104000000");
    Path f3 = dir("1.2.0-20260105000000");
    Path v130 = dir("1.3.0-20260106000000");
    List<Path> newestFirst = List.of(v130, f3, f2, f1, v110, v100);

    List<Path> doomed = ReleaseRetention.toDelete(newestFirst, 3, Set.of(v130, v110), Set.of(f1, f2, f3));

    assertThat(doomed).containsExactly(f1, f2, f3);
  }

  @Test
  void aFailedFolderStaysOnlyWhileProtected() {
    Path good = dir("1.0.0-20260101000000");
    Path failedCurrent = dir("1.1.0-20260102000000");
    assertThat(ReleaseRetention.toDelete(List.of(failedCurrent, good), 3, Set.of(failedCurrent), Set.of(failedCurrent)))
        .isEmpty();
    assertThat(ReleaseRetention.toDelete(List.of(failedCurrent, good), 3, Set.of(good), Set.of(failedCurrent)))
        .containsExactly(failedCurrent);
    assertThatThrownBy(() -> ReleaseRetention.toDelete(List.of(), -1, Set.of(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Every listing of up to five folders, every protected and failed subset, every keep from 0 to 6. */
  @Test
  void walkedExhaustivelyItNeverDeletesProtectedAlwaysDeletesFailedAndKeepsTheNewestGoodOnes() {
    int cases = 0;
    for (int n = 0; n <= 5; n++) {
      int size = n;
      List<Path> newestFirst = IntStream.range(0, n).mapToObj(i -> dir("r" + (size - i))).toList();
      for (int protectMask = 0; protectMask < (1 << n); protectMask++) {
        for (int failedMask = 0; failedMask < (1 << n); failedMask++) {
          Set<Path> protect = subset(newestFirst, protectMask);
          Set<Path> failed = subset(newestFirst, failedMask);
          for (int keep = 0; keep <= 6; keep++) {
            List<Path> doomed = ReleaseRetention.toDelete(newestFirst, keep, protect, failed);
            check(newestFirst, keep, protect, failed, doomed);
            cases++;
          }
        }
      }
    }
    assertThat(cases).isEqualTo(7 * (1 + 4 + 16 + 64 + 256 + 1024));
  }

  private static void check(List<Path> newestFirst, int keep, Set<Path> protect, Set<Path> failed, List<Path> doomed) {
    String at = "keep " + keep + ", protect " + protect + ", failed " + failed + ", deleted " + doomed;
    assertThat(doomed).as(at).noneMatch(protect::contains).doesNotHaveDuplicates();
    assertThat(newestFirst).as(at).containsAll(doomed);
    for (Path f : failed) {
      if (!protect.contains(f)) assertThat(doomed).as(at).contains(f);
    }
    int goodSeen = 0;
    for (Path d : newestFirst) {
      if (failed.contains(d)) continue;
      goodSeen++;
      boolean shouldGo = goodSeen > keep && !protect.contains(d);
      assertThat(doomed.contains(d)).as(at + ": " + d + " is good number " + goodSeen).isEqualTo(shouldGo);
    }
    List<Path> oldestFirst = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(oldestFirst);
    assertThat(doomed).as(at + ": oldest first").isEqualTo(oldestFirst.stream().filter(doomed::contains).toList());
  }

  private static Set<Path> subset(List<Path> all, int mask) {
    Set<Path> out = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      if ((mask & (1 << i)) != 0) out.add(all.get(i));
    }
    return out;
  }

  @Test
  void aFolderIsFailedWhenNoUpdateThatStagedItCompleted() {
    Path ok = dir("1.0.0-1");
    Path bad = dir("1.2.0-2");
    Path worse = dir("1.2.0-3");
    Path going = dir("1.3.0-4");
    List<Run> runs = List.of(run(ok, RunState.COMPLETED, 1), run(bad, RunState.FAILED, 2),
        run(worse, RunState.ROLLBACK_FAILED, 3), run(going, RunState.HEALTH_CHECK, 4));

    assertThat(ReleaseRetention.failed(runs)).containsExactlyInAnyOrder(bad, worse);
  }

  /** Every sequence of up to three runs over one folder, in every ending and a running state. */
  @Test
  void aFolderOnceServedByACompletedUpdateIsNeverFailedWalkedExhaustively() {
    RunState[] states = {RunState.COMPLETED, RunState.FAILED, RunState.ROLLBACK_FAILED, RunState.APPLYING,
        RunState.ROLLBACK_RUNNING};
    Path d = dir("1.0.0-1");
    for (int len = 0; len <= 3; len++) {
      for (int code = 0; code < Math.pow(states.length, len); code++) {
        List<Run> runs = new ArrayList<>();
        int c = code;
        for (int i = 0; i < len; i++) {
          runs.add(run(d, states[c % states.length], i));
          c /= states.length;
        }
        boolean completed = runs.stream().anyMatch(r -> r.state() == RunState.COMPLETED);
        boolean endedBadly = runs.stream().anyMatch(r -> r.state() == RunState.FAILED || r.state() == RunState.ROLLBACK_FAILED);
        assertThat(ReleaseRetention.failed(runs).contains(d)).as(runs.stream().map(Run::state).toList().toString())
            .isEqualTo(endedBadly && !completed);
      }
    }
  }

  @Test
  void theRollbackTargetIsTheReplacedReleaseElseTheNewestOlderOneThatDidNotFail() {
    Path v1 = dir("1.0.0-1");
    Path v11 = dir("1.1.0-2");
    Path failed = dir("1.2.0-3");
    Path v13 = dir("1.3.0-4");
    List<Path> all = List.of(v13, failed, v11, v1);

    assertThat(ReleaseRetention.rollbackTarget(all, v13, Optional.of(v1), Set.of(failed))).contains(v1);
    assertThat(ReleaseRetention.rollbackTarget(all, v13, Optional.empty(), Set.of(failed))).contains(v11);
    assertThat(ReleaseRetention.rollbackTarget(all, v13, Optional.of(failed), Set.of(failed)))
        .as("a replaced release that failed (a failed first install, say) is no target").contains(v11);
    assertThat(ReleaseRetention.rollbackTarget(all, v13, Optional.empty(), Set.of())).contains(failed);
    assertThat(ReleaseRetention.rollbackTarget(all, v1, Optional.empty(), Set.of())).isEmpty();
    assertThat(ReleaseRetention.rollbackTarget(List.of(v13, failed), v13, Optional.empty(), Set.of(failed))).isEmpty();
    assertThat(ReleaseRetention.rollbackTarget(all, dir("elsewhere"), Optional.empty(), Set.of())).isEmpty();
  }

  static Run run(Path releaseDir, RunState state, int day) {
    Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * day);
    String version = releaseDir.getFileName().toString().replaceFirst("-.*", "");
    return new Run(RunId.random(), RunKind.UPDATE, state, Optional.empty(),
        Optional.of(dev.thingyan.ports.model.Version.parse(version)), new Actor("test"), at, at.plusSeconds(60),
        Optional.of(releaseDir), Optional.empty(), Optional.empty(), Run.Awaiting.NOTHING, Optional.empty(),
        Optional.empty(), RunOptions.DEFAULT);
  }
}

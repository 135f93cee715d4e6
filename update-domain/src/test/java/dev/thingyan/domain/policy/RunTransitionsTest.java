package dev.thingyan.domain.policy;

import static dev.thingyan.ports.model.RunState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunState;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Walks all 13 x 13 pairs for both run kinds against the table in DESIGN.md. */
class RunTransitionsTest {

  private static final Set<List<RunState>> UPDATE_ALLOWED = Set.of(
      List.of(IDLE, CHECKING),
      List.of(CHECKING, PRECHECK_FAILED), List.of(CHECKING, BACKUP_RUNNING),
      List.of(BACKUP_RUNNING, BACKUP_FAILED), List.of(BACKUP_RUNNING, DOWNLOADING),
      List.of(DOWNLOADING, APPLYING), List.of(DOWNLOADING, ROLLBACK_RUNNING),
      List.of(APPLYING, MIGRATING), List.of(APPLYING, ROLLBACK_RUNNING),
      List.of(MIGRATING, HEALTH_CHECK), List.of(MIGRATING, ROLLBACK_RUNNING),
      List.of(HEALTH_CHECK, COMPLETED), List.of(HEALTH_CHECK, ROLLBACK_RUNNING),
      List.of(ROLLBACK_RUNNING, FAILED), List.of(ROLLBACK_RUNNING, ROLLBACK_FAILED));

  private static final Set<List<RunState>> ROLLBACK_ALLOWED = Set.of(
      List.of(IDLE, ROLLBACK_RUNNING),
      List.of(ROLLBACK_RUNNING, COMPLETED), List.of(ROLLBACK_RUNNING, FAILED),
      List.of(ROLLBACK_RUNNING, ROLLBACK_FAILED));

  @Test
  void everyPairOfAnUpdateRunIsDecidedAsTheDesignSays() {
    assertExactly(RunKind.UPDATE, UPDATE_ALLOWED);
  }

  @Test
  void aManualRollbackRunHasItsOwnShortPath() {
    assertExactly(RunKind.ROLLBACK, ROLLBACK_ALLOWED);
  }

  @Test
  void endingStatesHaveNoWayOut() {
    for (RunKind kind : RunKind.values()) {
      for (RunState from : RunState.values()) {
        if (!from.isEnding()) continue;
        for (RunState to : RunState.values()) {
          assertThat(RunTransitions.isAllowed(kind, from, to)).as("%s %s -> %s", kind, from, to).isFalse();
        }
      }
    }
  }

  @Test
  void aRefusedTransitionThrowsNamingBothStates() {
    assertThatThrownBy(() -> RunTransitions.require(RunKind.UPDATE, CHECKING, COMPLETED))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("checking").hasMessageContaining("completed");
    assertThatThrownBy(() -> RunTransitions.require(RunKind.UPDATE, IDLE, ROLLBACK_RUNNING))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void everyNonEndingUpdateStateReachesAnEnd() {
    for (RunState start : EnumSet.complementOf(EnumSet.of(COMPLETED, FAILED, PRECHECK_FAILED, BACKUP_FAILED, ROLLBACK_FAILED))) {
      assertThat(reachesEnd(start, new HashSet<>())).as("%s reaches an ending state", start).isTrue();
    }
  }

  private static boolean reachesEnd(RunState s, Set<RunState> seen) {
    if (s.isEnding()) return true;
    if (!seen.add(s)) return false;
    for (RunState next : RunState.values()) {
      if (RunTransitions.isAllowed(RunKind.UPDATE, s, next) && reachesEnd(next, seen)) return true;
    }
    return false;
  }

  private static void assertExactly(RunKind kind, Set<List<RunState>> allowed) {
    int count = 0;
    for (RunState from : RunState.values()) {
      for (RunState to : RunState.values()) {
        boolean expected = allowed.contains(List.of(from, to));
        assertThat(RunTransitions.isAllowed(kind, from, to)).as("%s: %s -> %s", kind, from, to).isEqualTo(expected);
        if (expected) count++;
      }
    }
    assertThat(count).isEqualTo(allowed.size());
  }
}

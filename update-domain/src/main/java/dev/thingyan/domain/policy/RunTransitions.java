package dev.thingyan.domain.policy;

import static dev.thingyan.ports.model.RunState.APPLYING;
import static dev.thingyan.ports.model.RunState.BACKUP_FAILED;
import static dev.thingyan.ports.model.RunState.BACKUP_RUNNING;
import static dev.thingyan.ports.model.RunState.CHECKING;
import static dev.thingyan.ports.model.RunState.COMPLETED;
import static dev.thingyan.ports.model.RunState.DOWNLOADING;
import static dev.thingyan.ports.model.RunState.FAILED;
import static dev.thingyan.ports.model.RunState.HEALTH_CHECK;
import static dev.thingyan.ports.model.RunState.IDLE;
import static dev.thingyan.ports.model.RunState.MIGRATING;
import static dev.thingyan.ports.model.RunState.PRECHECK_FAILED;
import static dev.thingyan.ports.model.RunState.ROLLBACK_FAILED;
import static dev.thingyan.ports.model.RunState.ROLLBACK_RUNNING;

import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunState;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides which state changes a run may make (DESIGN.md: the spec's
 * transitions, made total so that every failure after the backup has one path: rollback).
 *
 * <p>An admin's manual rollback is a run of kind {@link RunKind#ROLLBACK}; the spec lists the
 * rollback endpoint but no states for it, so such a run may also go {@code idle ->
 * rollback_running} and end {@code completed} when the previous release serves again. Update runs
 * never take those two edges.
 */
public final class RunTransitions {

  private static final Map<RunState, Set<RunState>> UPDATE = new EnumMap<>(RunState.class);

  static {
    UPDATE.put(IDLE, EnumSet.of(CHECKING));
    UPDATE.put(CHECKING, EnumSet.of(PRECHECK_FAILED, BACKUP_RUNNING));
    UPDATE.put(BACKUP_RUNNING, EnumSet.of(BACKUP_FAILED, DOWNLOADING));
    UPDATE.put(DOWNLOADING, EnumSet.of(APPLYING, ROLLBACK_RUNNING));
    UPDATE.put(APPLYING, EnumSet.of(MIGRATING, ROLLBACK_RUNNING));
    UPDATE.put(MIGRATING, EnumSet.of(HEALTH_CHECK, ROLLBACK_RUNNING));
    UPDATE.put(HEALTH_CHECK, EnumSet.of(COMPLETED, ROLLBACK_RUNNING));
    UPDATE.put(ROLLBACK_RUNNING, EnumSet.of(FAILED, ROLLBACK_FAILED));
  }

  private RunTransitions() {}

  /** @return true when a run of this kind may move from {@code from} to {@code to}. */
  public static boolean isAllowed(RunKind kind, RunState from, RunState to) {
    if (kind == RunKind.ROLLBACK) {
      return (from == IDLE && to == ROLLBACK_RUNNING)
          || (from == ROLLBACK_RUNNING && (to == COMPLETED || to == FAILED || to == ROLLBACK_FAILED));
    }
    return UPDATE.getOrDefault(from, Set.of()).contains(to);
  }

  /** @throws IllegalTransitionException when the move is not allowed */
  public static void require(RunKind kind, RunState from, RunState to) {
    if (!isAllowed(kind, from, to)) {
      throw new IllegalTransitionException(kind, from, to);
    }
  }
}

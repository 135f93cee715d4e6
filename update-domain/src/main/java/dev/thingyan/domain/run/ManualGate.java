package dev.thingyan.domain.run;

import dev.thingyan.ports.in.GateRefusedException;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.GateStatus;
import java.util.Map;

/**
 * An admin's gate outside a run ({@code thingyan gate on|off}, and the lowering a
 * {@code resolve} does). The caller holds the run locks. The gate comes down only after the app
 * answered healthy through its bypass; an app put down by hand is taken over first, so that the
 * check can pass its gate too.
 */
final class ManualGate {

  private static final HookExecutor.HookLog QUIET = (level, step, line) -> {};

  private final RunServices s;

  ManualGate(RunServices services) {
    this.s = services;
  }

  GateStatus raise(Actor actor, String reason) {
    s.audit("system.gate.on", actor, Map.of("reason", s.masker.mask(reason)));
    s.gate.raise(QUIET, "maintenance_on", "raised by " + actor + ": " + reason, s.gate.appEnv());
    return s.gate.status();
  }

  GateStatus lower(Actor actor, String reason) {
    lowerWhenHealthy("lowered by " + actor);
    s.audit("system.gate.off", actor, Map.of("reason", s.masker.mask(reason)));
    return s.gate.status();
  }

  /**
   * Checks the app's health (through the gate when it is up) and only then lowers the gate, if
   * one is up (thingyan's, or the app's own without thingyan's flag).
   *
   * @return whether a gate was up and was lowered
   * @throws GateRefusedException when the app does not answer healthy; the gate stays up
   */
  boolean lowerWhenHealthy(String why) {
    boolean flag = s.gate.up();
    boolean handMade = !flag && s.gate.appGateWithoutFlag();
    if (handMade) {
      // someone ran the app's own `down` (without our secret): raised again with ours, the check
      // can pass it; the flag now says, truthfully, that the gate is up
      s.gate.raise(QUIET, "maintenance_on", "taken over from the app's own maintenance mode (" + why + ")",
          s.gate.appEnv());
    }
    try {
      s.health.check(QUIET, "gate_off", s.currentVersion());
    } catch (StepFailedException e) {
      throw new GateRefusedException(GateRefusedException.Why.UNHEALTHY, s.masker.mask(e.getMessage()));
    }
    if (flag || handMade) {
      s.gate.lower(QUIET, "maintenance_off", s.gate.appEnv());
    }
    return flag || handMade;
  }
}

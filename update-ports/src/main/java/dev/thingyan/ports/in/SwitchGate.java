package dev.thingyan.ports.in;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.GateStatus;

/**
 * An admin's manual control of the maintenance gate ({@code thingyan gate on|off}), through the
 * same flag and hooks the runs use. Both are audited ({@code system.gate.on},
 * {@code system.gate.off}) and refused while a run is active.
 */
public interface SwitchGate {

  /**
   * Raises the gate: the flag (with a new bypass secret) first, then the {@code maintenance_on}
   * hooks. Raising a raised gate runs the hooks again with the secret it has.
   *
   * @param reason why; required and audited
   * @throws RunRefusedException while a run is active
   */
  GateStatus raise(Actor actor, String reason);

  /**
   * Lowers the gate once the app answers healthy through its bypass: the health checks, then
   * the {@code maintenance_off} hooks, then the flag removed. An app put down by hand (its own
   * marker without thingyan's flag) is taken over first: raised with a bypass, checked, lowered.
   *
   * @param reason why; required and audited
   * @throws GateRefusedException when the app does not answer healthy (the gate stays up)
   * @throws RunRefusedException while a run is active
   */
  GateStatus lower(Actor actor, String reason);

  /** @return the gate now, read from the flag and the app's own marker */
  GateStatus status();
}

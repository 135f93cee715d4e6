package dev.thingyan.ports.in;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.Run;

/** Clears the block a {@code rollback_failed} run puts on updates, after an admin repaired things. */
public interface ResolveBlock {

  /**
   * Clears the block and lowers the maintenance gate, only once the app answers healthy.
   *
   * @param reason what the admin did; required and audited
   * @throws RunRefusedException when nothing is blocked
   * @throws GateRefusedException when the app does not answer healthy (nothing changes)
   */
  default Run resolve(Actor actor, String reason) {
    return resolve(actor, reason, false);
  }

  /**
   * @param keepGate true: clear the block even though the app does not answer healthy yet, and
   *     leave the gate up (a first install that never worked, whose repair is the next release:
   *     an update lowers the gate once that release answers healthy); false: as
   *     {@link #resolve(Actor, String)}
   */
  Run resolve(Actor actor, String reason, boolean keepGate);
}

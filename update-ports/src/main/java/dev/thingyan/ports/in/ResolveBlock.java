package dev.thingyan.ports.in;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.Run;

/** Clears the block a {@code rollback_failed} run puts on updates, after an admin repaired things. */
public interface ResolveBlock {

  /**
   * @param reason what the admin did; required and audited
   * @throws RunRefusedException when nothing is blocked
   */
  Run resolve(Actor actor, String reason);
}

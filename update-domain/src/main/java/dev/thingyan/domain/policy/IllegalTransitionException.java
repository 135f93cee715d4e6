package dev.thingyan.domain.policy;

import dev.thingyan.ports.model.RunKind;
import dev.thingyan.ports.model.RunState;

/** A run tried a state change the state machine does not allow; nothing was written. */
public final class IllegalTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  IllegalTransitionException(RunKind kind, RunState from, RunState to) {
    super("a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " run may not move from "
        + from.wireName() + " to " + to.wireName());
  }
}

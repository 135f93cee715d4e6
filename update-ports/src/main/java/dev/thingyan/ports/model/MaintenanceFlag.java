package dev.thingyan.ports.model;

import java.util.Objects;
import java.util.Optional;

/**
 * thingyan's maintenance flag ({@code <root>/.thingyan/maintenance}), the one source of truth
 * for "the gate is up".
 *
 * @param reason why it was raised (a run, a restore, an admin's {@code thingyan gate on})
 * @param bypass the way through the gate raised with it; empty for a flag written without one
 *     (by an older thingyan)
 */
public record MaintenanceFlag(String reason, Optional<GateBypass> bypass) {
  public MaintenanceFlag {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(bypass, "bypass");
  }
}

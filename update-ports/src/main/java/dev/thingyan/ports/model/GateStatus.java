package dev.thingyan.ports.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The maintenance gate as an admin sees it.
 *
 * @param up thingyan's flag is raised (the one source of truth)
 * @param reason why it was raised, when it is
 * @param appGateWithoutFlag the app's own maintenance marker exists (Laravel's
 *     {@code current/storage/framework/down}) while thingyan's flag does not: someone put the app
 *     down by hand, so the site answers 503 although thingyan says the gate is down
 */
public record GateStatus(boolean up, Optional<String> reason, boolean appGateWithoutFlag) {
  public GateStatus {
    Objects.requireNonNull(reason, "reason");
  }

  public static final GateStatus DOWN = new GateStatus(false, Optional.empty(), false);
}

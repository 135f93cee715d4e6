package dev.thingyan.ports.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An audit trail entry, named as the spec names them ({@code system.update.started} …).
 *
 * @param attributes small, non-personal facts (run id, versions, backup id, reason)
 */
public record AuditEvent(String action, Actor actor, Instant at, Map<String, String> attributes) {
  public AuditEvent {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    attributes = Map.copyOf(attributes);
  }
}

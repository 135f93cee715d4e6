package dev.thingyan.ports.out;

import dev.thingyan.ports.model.AuditEvent;
import java.util.List;

/** Append-only audit trail of what admins and the system did. */
public interface AuditTrail {

  /** Appends an event durably. */
  void record(AuditEvent event);

  /** @return the newest events first. */
  List<AuditEvent> recent(int limit);
}

package dev.thingyan.domain.report;

import dev.thingyan.ports.model.report.DeliveryPass;
import java.time.Instant;
import java.util.Optional;

/** Counts what one pass did. */
final class PassTally {
  long folded;
  int created;
  int commented;
  int reopened;
  int writes;

  DeliveryPass pass(Optional<Instant> pausedUntil, boolean leaseHeld, Optional<String> error) {
    return new DeliveryPass(folded, created, commented, reopened, writes, pausedUntil, leaseHeld,
        error);
  }
}

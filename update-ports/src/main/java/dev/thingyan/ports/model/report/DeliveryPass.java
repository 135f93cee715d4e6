package dev.thingyan.ports.model.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one delivery pass did.
 *
 * @param folded reports folded into map rows
 * @param created issues created
 * @param commented occurrence comments added
 * @param reopened issues reopened
 * @param writes write requests sent to GitHub (create, comment, reopen)
 * @param pausedUntil when the pass stopped because GitHub asked to wait or was failing
 * @param leaseHeld false when another worker held the lease and this pass did nothing
 * @param lastError the failure that ended the pass, if one did
 */
public record DeliveryPass(long folded, int created, int commented, int reopened, int writes,
    Optional<Instant> pausedUntil, boolean leaseHeld, Optional<String> lastError) {
  public DeliveryPass {
    Objects.requireNonNull(pausedUntil, "pausedUntil");
    Objects.requireNonNull(lastError, "lastError");
  }
}

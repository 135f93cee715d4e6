package dev.thingyan.ports.in;

import dev.thingyan.ports.model.Run;

/**
 * Runs an update to its end: completed, or stopped before anything changed (precheck or backup
 * failure), or rolled back. Returns when the run ends or waits for an admin.
 */
public interface ApplyUpdate {

  /** @throws RunRefusedException when another run is active or updates are blocked */
  Run apply(UpdateRequest request);
}

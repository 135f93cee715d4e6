package dev.thingyan.ports.in;

import dev.thingyan.ports.model.RunId;

/**
 * Starts an update and returns as soon as its run is journaled, for a UI that shows the run's
 * progress ({@link WatchRuns}) instead of waiting for its end as {@link ApplyUpdate} does. The run
 * goes on in the system's own threads.
 */
public interface StartUpdate {

  /**
   * @return the new run's id, once the run exists in the journal
   * @throws RunRefusedException (before any run exists) when another run is active or updates
   *     are blocked
   */
  RunId start(UpdateRequest request);
}

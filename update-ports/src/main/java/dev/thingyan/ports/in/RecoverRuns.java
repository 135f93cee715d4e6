package dev.thingyan.ports.in;

import dev.thingyan.ports.model.Run;
import java.util.Optional;

/**
 * Start-up reconciliation: finishes or rolls back a run that a killed process left unfinished,
 * from what the journal says was durably done.
 */
public interface RecoverRuns {

  /**
   * @return the run that was recovered, as it ended (or as it waits for an admin); or, when a live
   *     process holds the run locks and is working on it, that run untouched (not ended, waiting
   *     for nothing); empty when no run was unfinished
   */
  Optional<Run> recover();
}

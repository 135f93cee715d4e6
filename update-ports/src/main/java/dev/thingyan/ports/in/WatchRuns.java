package dev.thingyan.ports.in;

import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import java.util.List;

/** A run's log as it grows, read by polling: a UI asks for the events after the last it saw. */
public interface WatchRuns {

  /**
   * @param afterSeq the {@link RunEvent#seq()} of the last event already seen, 0 for all
   * @param limit at most this many (1 or more)
   * @return the run's events with a greater seq, oldest first; empty when there are none (yet)
   */
  List<RunEvent> events(RunId runId, long afterSeq, int limit);
}

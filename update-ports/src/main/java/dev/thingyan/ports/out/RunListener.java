package dev.thingyan.ports.out;

import dev.thingyan.ports.model.RunEvent;

/**
 * Told of each run event right after it is journaled (the CLI prints them, metrics count them). A
 * listener must not throw; what it does cannot change the run.
 */
@FunctionalInterface
public interface RunListener {
  void onEvent(RunEvent event);

  /**
   * Told of a long step's progress as it goes (more often than the log's 10 % lines, which come
   * through {@link #onEvent}); not journaled. Does nothing unless overridden.
   */
  default void onProgress(dev.thingyan.ports.model.RunProgress progress) {}

  RunListener NONE = e -> {};
}

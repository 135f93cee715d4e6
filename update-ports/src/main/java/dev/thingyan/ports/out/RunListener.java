package dev.thingyan.ports.out;

import dev.thingyan.ports.model.RunEvent;

/**
 * Told of each run event right after it is journaled (the CLI prints them, metrics count them). A
 * listener must not throw; what it does cannot change the run.
 */
@FunctionalInterface
public interface RunListener {
  void onEvent(RunEvent event);

  RunListener NONE = e -> {};
}

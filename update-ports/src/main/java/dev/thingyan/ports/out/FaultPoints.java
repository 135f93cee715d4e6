package dev.thingyan.ports.out;

/**
 * Named points in a run where a test can make the process die (the crash-matrix tests set them
 * through the environment). In production this does nothing.
 */
@FunctionalInterface
public interface FaultPoints {

  /** Called when the run reaches the named point, e.g. {@code after-step:extract}. */
  void reach(String point);

  FaultPoints NONE = p -> {};
}

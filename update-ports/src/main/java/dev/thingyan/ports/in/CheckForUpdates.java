package dev.thingyan.ports.in;

/** Finds the release an update would install and runs the prechecks, without changing anything. */
public interface CheckForUpdates {
  UpdateCheck check(UpdateRequest request);
}

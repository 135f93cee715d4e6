package dev.thingyan.adapter.storage.command;

import java.util.List;

/** Kills a process with everything it started. */
final class ProcessTree {
  private ProcessTree() {}

  /**
   * Kills the descendants, then the process. The descendants are listed before anything is
   * killed: once a parent dies its children are re-parented and no longer found under it. Listed
   * again afterwards, for a child forked while we were killing.
   */
  static void kill(ProcessHandle process) {
    for (int round = 0; round < 3; round++) {
      List<ProcessHandle> descendants = process.descendants().toList();
      if (descendants.isEmpty() && !process.isAlive()) {
        return;
      }
      descendants.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}

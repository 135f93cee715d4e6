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
      // a SIGKILLed process is gone a moment later, not at once: wait (boundedly) so that "stopped"
      // means stopped for whoever comes next (a port bound again, recovery's report)
      awaitGone(descendants, process);
    }
  }

  private static void awaitGone(List<ProcessHandle> descendants, ProcessHandle process) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline
        && (process.isAlive() || descendants.stream().anyMatch(ProcessHandle::isAlive))) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}

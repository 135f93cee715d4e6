package dev.thingyan.domain.backup;

import dev.thingyan.ports.out.DatabaseDumper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stops one dump from another thread, once: its deadline passed, or the backup was cancelled
 * before it was stored. What the dumper registered (killing its tools) runs at the first stop, or
 * at registration when the dump was already stopped; the reason stays for the failure's message.
 */
final class DumpStopper implements DatabaseDumper.StopSignal {

  private final List<Runnable> actions = new ArrayList<>();
  private String reason; // guarded by this

  @Override
  public void onStop(Runnable stopTools) {
    synchronized (this) {
      if (reason == null) {
        actions.add(stopTools);
        return;
      }
    }
    stopTools.run();
  }

  /** Stops the dump for {@code why}; does nothing when it was stopped before. */
  void stop(String why) {
    List<Runnable> run;
    synchronized (this) {
      if (reason != null) {
        return;
      }
      reason = why;
      run = List.copyOf(actions);
      actions.clear();
    }
    run.forEach(Runnable::run);
  }

  /** @return why the dump was stopped, if it was */
  synchronized Optional<String> reason() {
    return Optional.ofNullable(reason);
  }
}

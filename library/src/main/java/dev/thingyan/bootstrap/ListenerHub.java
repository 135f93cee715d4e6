package dev.thingyan.bootstrap;

import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunProgress;
import dev.thingyan.ports.out.RunListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Fans run events and progress out to the listeners added after wiring (the CLI's printer,
 * metrics, a host's UI); a listener added can be removed again.
 */
final class ListenerHub implements RunListener {

  private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

  void add(RunListener listener) {
    listeners.add(listener);
  }

  /** @return whether the listener was there (the first of it, when added twice) */
  boolean remove(RunListener listener) {
    return listeners.remove(listener);
  }

  @Override
  public void onEvent(RunEvent event) {
    each(l -> l.onEvent(event));
  }

  @Override
  public void onProgress(RunProgress progress) {
    each(l -> l.onProgress(progress));
  }

  private void each(Consumer<RunListener> tell) {
    for (RunListener l : listeners) {
      try {
        tell.accept(l);
      } catch (RuntimeException e) {
        // a listener cannot change the run (RunListener's contract)
      }
    }
  }
}

package dev.thingyan.bootstrap;

import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.out.RunListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fans run events out to the listeners added after wiring (the CLI's printer, metrics). */
final class ListenerHub implements RunListener {

  private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

  void add(RunListener listener) {
    listeners.add(listener);
  }

  @Override
  public void onEvent(RunEvent event) {
    for (RunListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException e) {
        // a listener cannot change the run (RunListener's contract)
      }
    }
  }
}

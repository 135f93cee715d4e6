package dev.thingyan.bootstrap;

import java.util.ArrayDeque;
import java.util.Deque;

/** Closes what the composition root opened, newest first, and never throws. */
final class Closer implements AutoCloseable {

  private final Deque<AutoCloseable> items = new ArrayDeque<>();

  <T extends AutoCloseable> T add(T item) {
    items.push(item);
    return item;
  }

  @Override
  public void close() {
    while (!items.isEmpty()) {
      try {
        items.pop().close();
      } catch (Exception e) {
        // closing a pool that failed is not worth a second error
      }
    }
  }
}

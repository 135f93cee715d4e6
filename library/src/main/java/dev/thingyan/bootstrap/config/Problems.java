package dev.thingyan.bootstrap.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Collects every problem found while binding, so that all of them are reported at once. */
final class Problems {
  private final List<String> all = new ArrayList<>();

  void add(String path, String message) {
    all.add((path.isEmpty() ? "(top level)" : path) + ": " + message);
  }

  /**
   * Builds a value whose compact constructor validates; its message (which names the key) becomes
   * a problem instead of ending the binding.
   */
  <T> Optional<T> build(Supplier<T> constructor) {
    try {
      return Optional.of(constructor.get());
    } catch (IllegalArgumentException | NullPointerException e) {
      all.add(e.getMessage());
      return Optional.empty();
    }
  }

  boolean isEmpty() {
    return all.isEmpty();
  }

  List<String> all() {
    return List.copyOf(all);
  }
}

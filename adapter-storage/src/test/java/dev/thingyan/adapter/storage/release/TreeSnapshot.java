package dev.thingyan.adapter.storage.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Every path under a folder (links not followed), to prove that nothing appeared anywhere. */
final class TreeSnapshot {
  private TreeSnapshot() {}

  static Set<String> of(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.map(p -> root.relativize(p).toString()).collect(java.util.stream.Collectors
          .toCollection(TreeSet::new));
    }
  }
}

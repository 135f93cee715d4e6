package dev.thingyan.bootstrap.cli;

import dev.thingyan.bootstrap.config.Language;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes the demo's throwaway folder, so that each {@code thingyan demo} does not leave a
 * {@code thingyan-demo-*} folder behind in the temporary folder. What cannot be removed is said,
 * with the path, so that the operator can remove it by hand.
 */
final class DemoFolder {
  private DemoFolder() {}

  static void remove(Path dir, PrintWriter err, Language language) {
    try (Stream<Path> all = Files.walk(dir)) {
      // deepest first: a folder is empty when its turn comes
      all.sorted(Comparator.reverseOrder()).forEach(DemoFolder::delete);
    } catch (IOException | UncheckedIOException e) {
      err.println((language == Language.EN ? "could not remove the demo folder "
          : "ဒီမို ဖိုင်တွဲကို မဖျက်နိုင်ပါ (could not remove the demo folder) ") + dir + ": " + e.getMessage());
      err.flush();
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

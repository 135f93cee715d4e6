package dev.thingyan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Where a measurement leaves its results: a Markdown section (also printed) and {@code key=value}
 * lines in {@code summary.properties}, which {@link Report} turns into the summary table.
 */
final class Results {
  private final Path dir;
  private final StringBuilder section = new StringBuilder();

  /** @param dir the run's results folder (sections/*.md and summary.properties) */
  Results(Path dir) {
    this.dir = dir;
  }

  Results line(String text) {
    section.append(text).append('\n');
    return this;
  }

  Results line(String format, Object... args) {
    return line(String.format(Locale.ROOT, format, args));
  }

  void put(String key, Object value) {
    append(dir.resolve("summary.properties"), key + "=" + value + "\n");
  }

  /** Writes the section as {@code sections/<name>.md} and prints it. */
  void writeSection(String name) {
    try {
      Files.createDirectories(dir.resolve("sections"));
      Files.writeString(dir.resolve("sections").resolve(name + ".md"), section.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.print(section);
    System.out.flush();
  }

  static String f(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static void append(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.thingyan.adapter.storage.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The durable note of a preview server ({@code key=value} lines): written whole, fsynced, renamed
 * into place and the folder fsynced, so that after a power cut or a SIGKILL it is either the old
 * note or the new one, and a server that may exist is never forgotten.
 */
final class PreviewRecord {
  private final Path file;

  PreviewRecord(Path file) {
    this.file = file;
  }

  void write(Map<String, String> values) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(values).forEach((k, v) -> text.append(k).append('=').append(v.replaceAll("[\\r\\n]+", " ")).append('\n'));
    Path dir = file.getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
        ch.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not record the preview server in " + file + " (" + e.getMessage()
          + "); nothing was started", e);
    }
  }

  Optional<Map<String, String>> read() {
    try {
      Map<String, String> values = new LinkedHashMap<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          values.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      return Optional.of(values);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
  }

  void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove " + file + ": " + e.getMessage(), e);
    }
  }

  static String tail(Path file, int chars) {
    try {
      String s = Files.readString(file, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
      return s.length() <= chars ? s : "…" + s.substring(s.length() - chars);
    } catch (IOException e) {
      return "";
    }
  }
}

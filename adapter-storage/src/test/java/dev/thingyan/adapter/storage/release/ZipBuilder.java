package dev.thingyan.adapter.storage.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Builds zip archives with Unix modes (and so links and FIFOs), hostile ones included. */
final class ZipBuilder {
  private record Item(String name, byte[] content, int unixMode) {}

  private final List<Item> items = new ArrayList<>();

  static ZipBuilder zip() {
    return new ZipBuilder();
  }

  ZipBuilder file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8), 0100644);
  }

  ZipBuilder file(String name, byte[] content, int unixMode) {
    items.add(new Item(name, content, unixMode));
    return this;
  }

  ZipBuilder dir(String name) {
    items.add(new Item(name.endsWith("/") ? name : name + "/", new byte[0], 040755));
    return this;
  }

  /** A Unix symbolic link: the mode says link, the content is the target. */
  ZipBuilder symlink(String name, String target) {
    items.add(new Item(name, target.getBytes(StandardCharsets.UTF_8), 0120777));
    return this;
  }

  Path writeTo(Path file) throws IOException {
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
      for (Item item : items) {
        ZipArchiveEntry e = new ZipArchiveEntry(item.name());
        e.setUnixMode(item.unixMode());
        zip.putArchiveEntry(e);
        zip.write(item.content());
        zip.closeArchiveEntry();
      }
    }
    return file;
  }

  /**
   * Rewrites the uncompressed size of every entry, in the local headers and the central
   * directory, to {@code size}: a zip whose headers lie about what its data inflates to.
   */
  static void lieAboutSizes(Path zipFile, int size) throws IOException {
    byte[] b = Files.readAllBytes(zipFile);
    for (int i = 0; i + 4 < b.length; i++) {
      if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 3 && b[i + 3] == 4) {
        putInt(b, i + 22, size);
      } else if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 1 && b[i + 3] == 2) {
        putInt(b, i + 24, size);
      }
    }
    Files.write(zipFile, b);
  }

  private static void putInt(byte[] b, int at, int value) {
    for (int k = 0; k < 4; k++) {
      b[at + k] = (byte) (value >>> (8 * k));
    }
  }
}

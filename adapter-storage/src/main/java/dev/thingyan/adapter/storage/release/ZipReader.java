package dev.thingyan.adapter.storage.release;

import dev.thingyan.adapter.storage.release.ArchiveEntry.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads a zip archive through its central directory with commons-compress. Unix modes (file type,
 * permissions) come from the entry's external attributes when the archive was made on Unix.
 */
final class ZipReader implements ArchiveReader {
  private static final int TYPE_MASK = 0170000;
  private static final int FIFO = 0010000;
  private static final int CHAR_DEVICE = 0020000;
  private static final int BLOCK_DEVICE = 0060000;
  private static final int SOCKET = 0140000;

  private final Path archive;

  ZipReader(Path archive) {
    this.archive = archive;
  }

  @Override
  public void read(EntryVisitor visitor) throws IOException {
    try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
      Enumeration<ZipArchiveEntry> entries = zip.getEntries();
      while (entries.hasMoreElements()) {
        ZipArchiveEntry e = entries.nextElement();
        try (InputStream content = zip.getInputStream(e)) {
          visitor.visit(convert(e, content), content);
        }
      }
    }
  }

  private static ArchiveEntry convert(ZipArchiveEntry e, InputStream content) throws IOException {
    String name = e.getName();
    int mode = e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? e.getUnixMode() : 0;
    switch (mode & TYPE_MASK) {
      case FIFO: return ArchiveEntry.special(name, "FIFO (named pipe)");
      case CHAR_DEVICE: return ArchiveEntry.special(name, "character device");
      case BLOCK_DEVICE: return ArchiveEntry.special(name, "block device");
      case SOCKET: return ArchiveEntry.special(name, "socket");
      default: break;
    }
    if (e.isUnixSymlink()) {
      return ArchiveEntry.of(name, Kind.SYMLINK, linkTarget(content), mode, 0);
    }
    if (e.isDirectory()) {
      // the size is kept: a folder that carries data is refused, not silently emptied
      return ArchiveEntry.of(name, Kind.DIRECTORY, "", mode, Math.max(0, e.getSize()));
    }
    return ArchiveEntry.of(name, Kind.FILE, "", mode, e.getSize());
  }

  /** A zip stores a link's target as its content; read no more than a real target can be. */
  private static String linkTarget(InputStream content) throws IOException {
    byte[] bytes = content.readNBytes(PathRules.MAX_TARGET_LENGTH + 1);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}

package dev.thingyan.adapter.storage.release;

import dev.thingyan.adapter.storage.release.ArchiveEntry.Kind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads a tar archive, gzip-compressed or plain, with a strict reader of our own: the archive a
 * reviewer lists with {@code tar -t} must be the archive that is installed. Anything that GNU tar,
 * Python's tarfile and a lenient library could read differently is refused rather than resolved:
 * data where the type says none, a long name that disagrees with the header or another long name,
 * meta headers stacked twice, a type we do not know, and any byte after the end-of-archive marker.
 */
final class TarReader implements ArchiveReader {
  /** The most a PAX or GNU long-name header may hold: names are at most a few KiB. */
  private static final int MAX_META = 64 * 1024;
  private final Path archive;
  private final boolean gzip;

  TarReader(Path archive, boolean gzip) {
    this.archive = archive;
    this.gzip = gzip;
  }

  @Override
  public void read(EntryVisitor visitor) throws IOException {
    try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
        // concatenated members: some tools write a tar.gz as several gzip streams
        InputStream raw = gzip ? GzipCompressorInputStream.builder().setInputStream(file)
            .setDecompressConcatenated(true).get() : file) {
      TarBlocks blocks = new TarBlocks(raw);
      TarMeta meta = new TarMeta();
      while (true) {
        long offset = blocks.position();
        byte[] block = blocks.next();
        if (block == null) {
          throw new IOException("the tar ends without its end-of-archive marker");
        }
        if (TarHeader.zero(block, 0, TarHeader.BLOCK)) {
          meta.requireNone(offset);
          blocks.requireOnlyZerosAfterEnd(offset);
          return;
        }
        TarHeader h = TarHeader.parse(block, offset);
        switch (h.type()) {
          case 'x' -> meta.pax(PaxHeader.parse(blocks.data(h.size(), MAX_META, offset), false,
              offset), offset);
          case 'g' -> PaxHeader.parse(blocks.data(h.size(), MAX_META, offset), true, offset);
          case 'L' -> meta.longName(blocks.data(h.size(), MAX_META, offset), offset);
          case 'K' -> meta.longLink(blocks.data(h.size(), MAX_META, offset), offset);
          default -> entry(visitor, blocks, meta.apply(h, offset), offset);
        }
      }
    }
  }

  private static void entry(EntryVisitor visitor, TarBlocks blocks, TarHeader h, long offset)
      throws IOException {
    ArchiveEntry entry = convert(h, offset);
    if (entry.kind() != Kind.FILE && h.size() != 0) {
      throw TarHeader.refuse(offset, "declares " + h.size() + " bytes of data for '"
          + Refusals.printable(h.name()) + "', whose type (" + h.type() + ") holds none");
    }
    if (entry.kind() == Kind.FILE && h.name().endsWith("/")) {
      throw Refusals.entry(entry, "is a regular file named like a folder (ending in '/'), which "
          + "GNU tar would make a folder");
    }
    try (InputStream content = blocks.content(h.size())) {
      visitor.visit(entry, content);
    }
  }

  private static ArchiveEntry convert(TarHeader h, long offset) {
    return switch (h.type()) {
      case '0', '\0' -> ArchiveEntry.of(h.name(), Kind.FILE, "", h.mode(), h.size());
      case '1' -> ArchiveEntry.of(h.name(), Kind.HARDLINK, h.linkName(), h.mode(), 0);
      case '2' -> ArchiveEntry.of(h.name(), Kind.SYMLINK, h.linkName(), h.mode(), 0);
      case '3' -> ArchiveEntry.special(h.name(), "character device");
      case '4' -> ArchiveEntry.special(h.name(), "block device");
      case '5' -> ArchiveEntry.of(h.name(), Kind.DIRECTORY, "", h.mode(), 0);
      case '6' -> ArchiveEntry.special(h.name(), "FIFO (named pipe)");
      default -> throw TarHeader.refuse(offset, "has the entry type '" + Refusals.printable(
          String.valueOf(h.type())) + "', which a release may not hold (only files, folders, "
          + "links)");
    };
  }

  /** The long name and link name headers that precede one entry, checked for agreement. */
  private static final class TarMeta {
    private Map<String, String> pax;
    private String longName;
    private String longLink;

    void pax(Map<String, String> records, long offset) {
      if (pax != null) {
        throw TarHeader.refuse(offset, "is a second PAX header for the same entry");
      }
      pax = records;
    }

    void longName(byte[] data, long offset) {
      if (longName != null) {
        throw TarHeader.refuse(offset, "is a second GNU long name for the same entry");
      }
      longName = TarHeader.utf8(TarHeader.field(data, 0, data.length), offset);
    }

    void longLink(byte[] data, long offset) {
      if (longLink != null) {
        throw TarHeader.refuse(offset, "is a second GNU long link name for the same entry");
      }
      longLink = TarHeader.utf8(TarHeader.field(data, 0, data.length), offset);
    }

    void requireNone(long offset) {
      if (pax != null || longName != null || longLink != null) {
        throw TarHeader.refuse(offset, "ends the archive right after a long-name or PAX header");
      }
    }

    /** @return the header with its long names applied; the meta is consumed. */
    TarHeader apply(TarHeader h, long offset) {
      Map<String, String> records = pax == null ? Map.of() : pax;
      String name = agree(h.name(), h.nameBytes(), longName, records.get("path"), "name", offset);
      String link = agree(h.linkName(), h.linkBytes(), longLink, records.get("linkpath"),
          "link name", offset);
      String size = records.get("size");
      if (size != null && !size.equals(Long.toString(h.size()))) {
        throw TarHeader.refuse(offset, "has a PAX size " + Refusals.printable(size)
            + " that disagrees with its header size " + h.size());
      }
      pax = null;
      longName = null;
      longLink = null;
      return new TarHeader(name, h.nameBytes(), link, h.linkBytes(), h.mode(), h.size(), h.type());
    }

    private static String agree(String header, byte[] headerBytes, String gnu, String paxValue,
        String what, long offset) {
      if (gnu != null && paxValue != null && !gnu.equals(paxValue)) {
        throw TarHeader.refuse(offset, "has a GNU long " + what + " '" + Refusals.printable(gnu)
            + "' and a PAX " + what + " '" + Refusals.printable(paxValue) + "' that disagree");
      }
      String full = paxValue != null ? paxValue : gnu;
      if (full == null) {
        return header;
      }
      byte[] fullBytes = full.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      if (headerBytes.length > fullBytes.length
          || !java.util.Arrays.equals(headerBytes, 0, headerBytes.length, fullBytes, 0,
          headerBytes.length)) {
        throw TarHeader.refuse(offset, "names '" + Refusals.printable(header) + "' in its header "
            + "but '" + Refusals.printable(full) + "' in its long " + what + "; readers that "
            + "skip one would see another file");
      }
      return full;
    }
  }
}

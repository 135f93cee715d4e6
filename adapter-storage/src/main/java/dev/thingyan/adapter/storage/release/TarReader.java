package dev.thingyan.adapter.storage.release;

import dev.thingyan.adapter.storage.release.ArchiveEntry.Kind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Reads a tar archive, gzip-compressed or plain, with commons-compress. */
final class TarReader implements ArchiveReader {
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
            .setDecompressConcatenated(true).get() : file;
        TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.isGlobalPaxHeader()) {
          continue; // metadata such as git archive's commit id, not a file
        }
        visitor.visit(convert(entry), tar);
      }
    }
  }

  private static ArchiveEntry convert(TarArchiveEntry e) {
    String name = e.getName();
    if (e.isCharacterDevice()) {
      return ArchiveEntry.special(name, "character device");
    }
    if (e.isBlockDevice()) {
      return ArchiveEntry.special(name, "block device");
    }
    if (e.isFIFO()) {
      return ArchiveEntry.special(name, "FIFO (named pipe)");
    }
    if (e.isSymbolicLink()) {
      return ArchiveEntry.of(name, Kind.SYMLINK, e.getLinkName(), e.getMode(), 0);
    }
    if (e.isLink()) {
      return ArchiveEntry.of(name, Kind.HARDLINK, e.getLinkName(), e.getMode(), 0);
    }
    if (e.isDirectory()) {
      return ArchiveEntry.of(name, Kind.DIRECTORY, "", e.getMode(), 0);
    }
    if (e.isFile()) {
      return ArchiveEntry.of(name, Kind.FILE, "", e.getMode(), e.getSize());
    }
    return ArchiveEntry.special(name, "tar entry of an unsupported type");
  }
}

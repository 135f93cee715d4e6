package dev.thingyan.adapter.storage.release;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds tar.gz archives, hostile ones included, with commons-compress's own writer. */
final class TarBuilder {
  private interface Step {
    void write(TarArchiveOutputStream tar) throws IOException;
  }

  private final List<Step> steps = new ArrayList<>();

  static TarBuilder tar() {
    return new TarBuilder();
  }

  TarBuilder file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
  }

  TarBuilder file(String name, byte[] content, int mode) {
    return entry(new TarArchiveEntry(name, true), content, mode);
  }

  TarBuilder dir(String name) {
    return entry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true), new byte[0], 0755);
  }

  TarBuilder symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
    e.setLinkName(target);
    return entry(e, new byte[0], 0777);
  }

  TarBuilder hardlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
    e.setLinkName(target);
    return entry(e, new byte[0], 0644);
  }

  /** A device or FIFO entry: {@link TarConstants#LF_CHR}, {@code LF_BLK}, {@code LF_FIFO}. */
  TarBuilder special(String name, byte type) {
    return entry(new TarArchiveEntry(name, type, true), new byte[0], 0644);
  }

  /**
   * A GNU PAX 1.0 sparse file: its header declares 1 KiB of stored data, yet reading it yields
   * {@code realSize} bytes (holes read as zeros). A size check on the header is fooled by it.
   */
  TarBuilder sparse(String name, long realSize) {
    steps.add(tar -> {
      byte[] pax = (PaxRecords.of("GNU.sparse.major", "1") + PaxRecords.of("GNU.sparse.minor", "0")
          + PaxRecords.of("GNU.sparse.name", name)
          + PaxRecords.of("GNU.sparse.realsize", Long.toString(realSize)))
          .getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry header = new TarArchiveEntry("./PaxHeaders/x", TarConstants.LF_PAX_EXTENDED_HEADER_LC);
      header.setSize(pax.length);
      tar.putArchiveEntry(header);
      tar.write(pax);
      tar.closeArchiveEntry();
      byte[] map = new byte[512];
      byte[] m = ("2\n0\n512\n" + realSize + "\n0\n").getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(m, 0, map, 0, m.length);
      TarArchiveEntry data = new TarArchiveEntry("GNUSparseFile.0/x");
      data.setSize(1024);
      tar.putArchiveEntry(data);
      tar.write(map);
      tar.write(new byte[512]);
      tar.closeArchiveEntry();
    });
    return this;
  }

  private TarBuilder entry(TarArchiveEntry e, byte[] content, int mode) {
    steps.add(tar -> {
      e.setMode((e.getMode() & ~07777) | mode);
      if (!e.isDirectory() && !e.isSymbolicLink() && !e.isLink()) {
        e.setSize(content.length);
      }
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
    });
    return this;
  }

  Path writeTo(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Step s : steps) {
        s.write(tar);
      }
    }
    return file;
  }

  /** PAX extended header records: {@code "<length> <key>=<value>\n"}, the length counting itself. */
  private static final class PaxRecords {
    static String of(String key, String value) {
      String body = " " + key + "=" + value + "\n";
      int length = body.length() + Integer.toString(body.length()).length();
      if (Integer.toString(length).length() != Integer.toString(body.length()).length()) {
        length++;
      }
      return length + body;
    }
  }
}

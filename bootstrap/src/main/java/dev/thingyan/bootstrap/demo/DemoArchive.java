package dev.thingyan.bootstrap.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Packs a release tree as a {@code .tar.gz} under one top-level folder, the way an app's CI
 * would: sorted entries, folders {@code 0755}, files {@code 0644}, executables {@code 0755}.
 */
final class DemoArchive {

  private static final int DIR_MODE = 040755;
  private static final int FILE_MODE = 0100644;
  private static final int EXEC_MODE = 0100755;

  private DemoArchive() {}

  static void tarGz(Path tree, String topFolder, Path target) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(tree)) {
      paths = walk.filter(p -> !p.equals(tree)).sorted().toList();
    }
    try (OutputStream file = Files.newOutputStream(target);
        GzipCompressorOutputStream gz = new GzipCompressorOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.putArchiveEntry(directory(topFolder + "/"));
      tar.closeArchiveEntry();
      for (Path p : paths) {
        String name = topFolder + "/" + tree.relativize(p).toString().replace('\\', '/');
        if (Files.isDirectory(p)) {
          tar.putArchiveEntry(directory(name + "/"));
        } else {
          TarArchiveEntry e = new TarArchiveEntry(name);
          e.setSize(Files.size(p));
          e.setMode(Files.isExecutable(p) ? EXEC_MODE : FILE_MODE);
          tar.putArchiveEntry(e);
          Files.copy(p, tar);
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }

  private static TarArchiveEntry directory(String name) {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(DIR_MODE);
    return e;
  }
}

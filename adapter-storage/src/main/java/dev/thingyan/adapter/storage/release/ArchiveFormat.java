package dev.thingyan.adapter.storage.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The archive formats a release package may have, told apart by their first bytes rather than the
 * file name: a download keeps whatever name it was given, and a renamed file must not be misread.
 */
enum ArchiveFormat {
  TAR_GZ,
  TAR,
  ZIP;

  private static final byte[] USTAR = "ustar".getBytes(StandardCharsets.US_ASCII);

  /** @return the format of the file's content, or empty when it is none of ours. */
  static Optional<ArchiveFormat> detect(Path archive) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(archive)) {
      head = in.readNBytes(262);
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return Optional.of(TAR_GZ);
    }
    // local file header, or the end record of an empty zip
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'K'
        && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
      return Optional.of(ZIP);
    }
    if (head.length >= 262 && Arrays.equals(head, 257, 262, USTAR, 0, 5)) {
      return Optional.of(TAR);
    }
    return Optional.empty();
  }

  /** @return a reader of {@code archive} in this format. */
  ArchiveReader reader(Path archive) {
    return switch (this) {
      case TAR_GZ -> new TarReader(archive, true);
      case TAR -> new TarReader(archive, false);
      case ZIP -> new ZipReader(archive);
    };
  }
}

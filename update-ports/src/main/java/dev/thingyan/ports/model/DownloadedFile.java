package dev.thingyan.ports.model;

import java.nio.file.Path;
import java.util.Objects;

/** A file fully downloaded to disk, with the SHA-256 computed while its bytes streamed in. */
public record DownloadedFile(Path path, long size, String sha256Hex) {
  public DownloadedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256Hex, "sha256Hex");
    if (!sha256Hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256Hex must be 64 lowercase hex digits");
    }
  }
}

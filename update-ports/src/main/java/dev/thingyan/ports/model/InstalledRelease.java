package dev.thingyan.ports.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A release folder under {@code releases/}.
 *
 * @param version parsed from the folder name {@code <version>-<yyyymmddhhmmss>}, when it parses
 */
public record InstalledRelease(Path dir, Optional<Version> version) {
  public InstalledRelease {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(version, "version");
  }
}

package dev.thingyan.adapter.storage.release;

import dev.thingyan.ports.model.InstalledRelease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The {@code releases/} folder: listing its release folders and checking that a path is one. */
final class ReleaseFolders {
  private final Path releases;

  ReleaseFolders(Path releases) {
    this.releases = releases;
  }

  Path dir() {
    return releases;
  }

  /**
   * @return every folder in {@code releases/}, newest first: by the time in the name when it
   *     follows our pattern, by modification time otherwise (Deployer's {@code 1}, {@code 2} …)
   */
  List<InstalledRelease> list() {
    if (!Files.isDirectory(releases)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(releases)) {
      return children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> new Listed(p, ReleaseName.parse(p.getFileName().toString()), sortKey(p)))
          .sorted(Comparator.comparing(Listed::at)
              .thenComparing(l -> l.dir().getFileName().toString()).reversed())
          .map(l -> new InstalledRelease(l.dir(), l.name().map(ReleaseName::version)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + releases + ": " + e.getMessage(), e);
    }
  }

  /** @return the release folder of this path, as {@code releases/<name>}. */
  InstalledRelease describe(Path releaseDir) {
    return new InstalledRelease(releaseDir,
        ReleaseName.parse(releaseDir.getFileName().toString()).map(ReleaseName::version));
  }

  /**
   * @return {@code releaseDir} spelled as {@code <root>/releases/<name>}, also when the caller
   *     reached it through another path to the same folder
   * @throws IllegalArgumentException when it is not a real folder directly inside {@code releases/}
   */
  Path require(Path releaseDir) {
    Path normal = releaseDir.toAbsolutePath().normalize();
    Path candidate = releases.resolve(String.valueOf(normal.getFileName()));
    boolean inside = releases.equals(normal.getParent()) || sameFile(normal, candidate);
    if (!inside || !Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(releaseDir + " is not a release folder in " + releases
          + "; only folders made by prepareStaging (or an adopted releases/ folder) can be used");
    }
    return candidate;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static Instant sortKey(Path dir) {
    return ReleaseName.parse(dir.getFileName().toString()).map(ReleaseName::stagedAt)
        .orElseGet(() -> modified(dir));
  }

  private static Instant modified(Path dir) {
    try {
      return Files.getLastModifiedTime(dir).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }

  private record Listed(Path dir, Optional<ReleaseName> name, Instant at) {}
}

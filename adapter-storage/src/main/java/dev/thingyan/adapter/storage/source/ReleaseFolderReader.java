package dev.thingyan.adapter.storage.source;

import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.ReleaseAsset;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.ReleaseSourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads one release subfolder into a {@link Release}, or skips it (not semver, or a draft). */
final class ReleaseFolderReader {

  static final String NOTES = "NOTES.md";
  static final String DRAFT = "DRAFT";

  private static final Logger LOG = LoggerFactory.getLogger(ReleaseFolderReader.class);

  private final Path realRoot;

  ReleaseFolderReader(Path realRoot) {
    this.realRoot = realRoot;
  }

  Optional<Release> read(Path dir) {
    String tag = dir.getFileName().toString();
    Version version;
    try {
      version = Version.parse(tag);
    } catch (IllegalArgumentException e) {
      LOG.debug("ignoring {}: its name is not a semantic version", dir);
      return Optional.empty();
    }
    if (Files.exists(dir.resolve(DRAFT))) {
      LOG.debug("skipping draft release {}", dir);
      return Optional.empty();
    }
    try {
      return Optional.of(new Release(version, tag, tag, notes(dir), version.isPreRelease(), false,
          Optional.of(Files.getLastModifiedTime(dir).toInstant()), assets(dir)));
    } catch (IOException e) {
      throw new ReleaseSourceException("Cannot read the release folder " + dir + ": " + e
          + ". Check that its files are readable by this service's user.", e);
    }
  }

  private List<ReleaseAsset> assets(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(this::isAsset)
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .map(this::asset)
          .toList();
    }
  }

  // hidden files are half-copied files or desktop litter (.DS_Store), not assets
  private boolean isAsset(Path file) {
    String name = file.getFileName().toString();
    if (name.equals(NOTES) || name.equals(DRAFT) || name.startsWith(".")) {
      return false;
    }
    if (!Files.isRegularFile(file)) {
      return false;
    }
    if (!AssetLocation.inside(realRoot, file)) {
      LOG.warn("ignoring {}: it links outside the release folder {}", file, realRoot);
      return false;
    }
    return true;
  }

  private ReleaseAsset asset(Path file) {
    String name = file.getFileName().toString();
    try {
      return new ReleaseAsset(name, Files.size(file), file.toUri(), contentType(name));
    } catch (IOException e) {
      throw new ReleaseSourceException("Cannot read the size of " + file + ": " + e, e);
    }
  }

  private static String notes(Path dir) throws IOException {
    Path notes = dir.resolve(NOTES);
    return Files.isRegularFile(notes) ? Files.readString(notes, StandardCharsets.UTF_8) : "";
  }

  private static String contentType(String name) {
    if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
      return "application/gzip";
    }
    if (name.endsWith(".zip")) {
      return "application/zip";
    }
    return name.endsWith(".json") ? "application/json" : "application/octet-stream";
  }
}

package dev.thingyan.bootstrap.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A release built for the demo: a folder holding its assets, ready to be published by
 * {@link DemoReleaseServer}.
 *
 * @param tag e.g. {@code v1.1.0}
 * @param assets the files of {@code dir}, in the order they are published: the package, then
 *     {@code release.json}, {@code SHA256SUMS} and {@code SHA256SUMS.minisig}
 */
public record DemoRelease(String version, String tag, String name, String notes, Path dir,
    List<Path> assets) {

  public DemoRelease {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(dir, "dir");
    assets = List.copyOf(assets);
    if (assets.isEmpty()) {
      throw new IllegalArgumentException("assets: a release needs at least one file");
    }
  }

  /** @return the asset with this file name */
  public Path asset(String fileName) {
    return assets.stream().filter(p -> p.getFileName().toString().equals(fileName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(tag + " has no asset " + fileName));
  }
}

package dev.thingyan.ports.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A published release as a source lists it.
 *
 * @param tag the tag as published, e.g. {@code v1.4.2}
 * @param notes the release notes (markdown), possibly empty
 */
public record Release(Version version, String tag, String name, String notes, boolean preRelease,
    boolean draft, Optional<Instant> publishedAt, List<ReleaseAsset> assets) {
  public Release {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(tag, "tag");
    name = name == null ? tag : name;
    notes = notes == null ? "" : notes;
    Objects.requireNonNull(publishedAt, "publishedAt");
    assets = List.copyOf(assets);
  }

  /** @return the asset with exactly this file name. */
  public Optional<ReleaseAsset> asset(String fileName) {
    return assets.stream().filter(a -> a.name().equals(fileName)).findFirst();
  }
}

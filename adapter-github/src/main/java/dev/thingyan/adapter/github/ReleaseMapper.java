package dev.thingyan.adapter.github;

import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.ReleaseAsset;
import dev.thingyan.ports.model.Version;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns GitHub's release objects into the port's {@link Release}, dropping what the port excludes. */
final class ReleaseMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ReleaseMapper.class);

  private ReleaseMapper() {}

  /**
   * @return empty for a draft, or a tag that is not a semantic version (a repository may carry
   *     other tags, such as {@code nightly}; they are not releases this system can order)
   */
  static Optional<Release> toRelease(GhRelease gh) {
    if (gh.tagName() == null) {
      LOG.debug("Skipping a GitHub release without a tag");
      return Optional.empty();
    }
    if (gh.draft()) {
      LOG.debug("Skipping draft release {}", gh.tagName());
      return Optional.empty();
    }
    Version version;
    try {
      version = Version.parse(gh.tagName());
    } catch (IllegalArgumentException e) {
      LOG.debug("Skipping release {}: its tag is not a semantic version", gh.tagName());
      return Optional.empty();
    }
    return Optional.of(new Release(version, gh.tagName(), gh.name(), gh.body(), gh.prerelease(),
        false, publishedAt(gh), assets(gh)));
  }

  private static Optional<Instant> publishedAt(GhRelease gh) {
    try {
      return Optional.ofNullable(gh.publishedAt()).map(Instant::parse);
    } catch (DateTimeParseException e) {
      LOG.debug("Release {}: unreadable published_at '{}'", gh.tagName(), gh.publishedAt());
      return Optional.empty();
    }
  }

  private static List<ReleaseAsset> assets(GhRelease gh) {
    if (gh.assets() == null) {
      return List.of();
    }
    return gh.assets().stream()
        .filter(a -> a.url() != null && a.name() != null)
        // "starter" is an upload that never finished: its bytes are not there to download.
        .filter(a -> a.state() == null || a.state().equals("uploaded"))
        .map(a -> asset(gh.tagName(), a))
        .flatMap(Optional::stream)
        .toList();
  }

  private static Optional<ReleaseAsset> asset(String tag, GhRelease.GhAsset a) {
    try {
      return Optional.of(new ReleaseAsset(a.name(), a.size(), URI.create(a.url()), a.contentType()));
    } catch (IllegalArgumentException e) {
      LOG.warn("Release {}: ignoring asset '{}': {}", tag, a.name(), e.getMessage());
      return Optional.empty();
    }
  }
}

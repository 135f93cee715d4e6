package dev.thingyan.ports.out;

import dev.thingyan.ports.model.DownloadedFile;
import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.ReleaseAsset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where releases come from: GitHub Releases, or a local folder (offline updates). Every source's
 * downloads go through the same verification in the domain.
 */
public interface ReleaseSource {

  /** @return a short description for messages, e.g. {@code github acme/pms}. */
  String describe();

  /**
   * @return published releases whose tag is a semantic version, newest first, drafts excluded,
   *     pre-releases included (the domain filters them)
   * @throws ReleaseSourceException with a readable reason (rate limit, auth, not found, I/O)
   */
  List<Release> releases();

  /** @return the release with this tag ({@code v1.2.3} or {@code 1.2.3}). */
  Optional<Release> release(String tag);

  /**
   * Downloads an asset to {@code target}, hashing the bytes as they stream in. Memory stays flat
   * whatever the size. When {@code target} already holds a partial download of this asset, it
   * resumes (HTTP Range) where that stopped; a dropped connection is resumed the same way, a
   * bounded number of times.
   *
   * <p>Disk use is bounded: the download stops at the first byte past the size the source
   * announced for the asset, or past {@code maxBytes}, whichever is smaller, and the file is then
   * deleted. A source that sends more than it announced is lying about the asset.
   *
   * @param maxBytes the most this kind of asset may hold (a checksum list: kilobytes; the package:
   *     the configured maximum package size)
   * @throws ReleaseSourceException when it cannot finish, or the asset is over a bound
   */
  DownloadedFile download(ReleaseAsset asset, Path target, long maxBytes,
      DownloadProgress progress);

  /** {@link #download(ReleaseAsset, Path, long, DownloadProgress)} bounded by the announced size only. */
  default DownloadedFile download(ReleaseAsset asset, Path target, DownloadProgress progress) {
    return download(asset, target, Long.MAX_VALUE, progress);
  }

  /** Progress of a download, called every few megabytes and at the end. */
  @FunctionalInterface
  interface DownloadProgress {
    /** @param total bytes expected, or -1 when unknown */
    void progress(long done, long total);

    DownloadProgress NONE = (d, t) -> {};
  }
}

package dev.thingyan.adapter.storage.source;

import dev.thingyan.ports.model.DownloadedFile;
import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.ReleaseAsset;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.ReleaseSource;
import dev.thingyan.ports.out.ReleaseSourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Releases from a local folder, for offline updates (a USB drive, a copied share): one subfolder
 * per release named by its tag ({@code v1.2.0}, {@code 1.3.0-rc.1}) holding the assets, with an
 * optional {@code NOTES.md} (the release notes) and an optional {@code DRAFT} marker that hides it.
 * Its downloads go through the same verification as GitHub's.
 */
public final class LocalFolderReleaseSource implements ReleaseSource {

  private final Path folder;

  /** @param folder the folder holding one subfolder per release; it is read on each call */
  public LocalFolderReleaseSource(Path folder) {
    this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
  }

  @Override
  public String describe() {
    return "folder " + folder;
  }

  @Override
  public List<Release> releases() {
    ReleaseFolderReader reader = new ReleaseFolderReader(realFolder());
    try (Stream<Path> children = Files.list(folder)) {
      return children.filter(Files::isDirectory)
          .map(reader::read)
          .flatMap(Optional::stream)
          .sorted(Comparator.comparing(Release::version).reversed())
          .toList();
    } catch (IOException e) {
      throw new ReleaseSourceException("Cannot list the release folder " + folder + ": " + e
          + ". Check that it is mounted and readable by this service's user.", e);
    }
  }

  @Override
  public Optional<Release> release(String tag) {
    Objects.requireNonNull(tag, "tag");
    Optional<Version> wanted = parse(tag);
    return releases().stream()
        .filter(r -> r.tag().equals(tag) || wanted.map(r.version()::equals).orElse(false))
        .findFirst();
  }

  @Override
  public DownloadedFile download(ReleaseAsset asset, Path target, long maxBytes,
      DownloadProgress progress) {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(target, "target");
    Path source = new AssetLocation(realFolder()).resolve(asset);
    try {
      long size = Files.size(source);
      if (size > maxBytes) {
        throw new ReleaseSourceException(asset.name() + " in " + folder + " is " + size
            + " bytes, over the limit of " + maxBytes + " bytes for this kind of file; nothing "
            + "was copied. Check the file, or raise the limit if it is right.");
      }
      return ResumableCopy.copy(source, target, progress == null ? DownloadProgress.NONE : progress);
    } catch (IOException e) {
      throw new ReleaseSourceException("Copying " + asset.name() + " from " + folder + " to "
          + target + " failed: " + e + ". Check the free disk space and that the release folder "
          + "is still mounted, then try again: the copy resumes where it stopped.", e);
    }
  }

  private Path realFolder() {
    try {
      return folder.toRealPath();
    } catch (IOException e) {
      throw new ReleaseSourceException("The release folder " + folder + " does not exist or "
          + "cannot be read (" + e + "). Check the configured path, and that the drive holding "
          + "the releases is mounted.", e);
    }
  }

  private static Optional<Version> parse(String tag) {
    try {
      return Optional.of(Version.parse(tag));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

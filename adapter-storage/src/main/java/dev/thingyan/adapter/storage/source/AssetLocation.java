package dev.thingyan.adapter.storage.source;

import dev.thingyan.ports.model.ReleaseAsset;
import dev.thingyan.ports.out.ReleaseSourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns an asset's file URI back into a file, refusing anything that is not a regular file inside
 * the release folder once links are followed: a location is only data, and a crafted or stale one
 * must not make the updater read (and later install) a file from elsewhere.
 */
final class AssetLocation {

  private final Path realRoot;

  AssetLocation(Path realRoot) {
    this.realRoot = realRoot;
  }

  Path resolve(ReleaseAsset asset) {
    if (!"file".equalsIgnoreCase(asset.location().getScheme())) {
      throw new ReleaseSourceException("The asset " + asset.name() + " has the location "
          + asset.location() + ", which is not a file in the release folder " + realRoot
          + "; this source only reads its own folder.");
    }
    Path real;
    try {
      real = Path.of(asset.location()).toRealPath();
    } catch (NoSuchFileException e) {
      throw new ReleaseSourceException("The asset " + asset.name() + " is no longer in the "
          + "release folder (" + asset.location().getPath() + "). Copy the release again.", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new ReleaseSourceException("Cannot read the asset " + asset.name() + ": " + e, e);
    }
    if (!real.startsWith(realRoot) || real.equals(realRoot)) {
      throw new ReleaseSourceException("The asset " + asset.name() + " resolves to " + real
          + ", outside the release folder " + realRoot + " (a link that leaves it?). Refusing "
          + "to read it; copy the real file into the release's folder.");
    }
    if (!Files.isRegularFile(real)) {
      throw new ReleaseSourceException("The asset " + asset.name() + " (" + real
          + ") is not a regular file.");
    }
    return real;
  }

  /** @return true when {@code file}, links followed, lies inside {@code realRoot} */
  static boolean inside(Path realRoot, Path file) {
    try {
      return file.toRealPath().startsWith(realRoot);
    } catch (IOException e) {
      return false;
    }
  }
}

package dev.thingyan.adapter.storage.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links the persistent paths of {@code shared/} ({@code .env}, {@code storage} …) into a release,
 * as Deployer does: relative links, so the app root can move. Idempotent, because recovery may
 * run the step again.
 */
final class SharedLinks {
  private static final Logger LOG = LoggerFactory.getLogger(SharedLinks.class);

  private final Path shared;

  SharedLinks(Path shared) {
    this.shared = shared;
  }

  /**
   * @param path a relative path such as {@code bootstrap/cache}, already checked
   * @return true when the path was created in {@code shared/} now (seeded or empty)
   */
  boolean link(Path releaseDir, Path path) throws IOException {
    Path inShared = shared.resolve(path.toString());
    Path parent = releaseDir;
    if (path.getParent() != null) {
      Trees.realDirectories(releaseDir, path.getParent());
      parent = releaseDir.resolve(path.getParent().toString());
    }
    Path inRelease = parent.resolve(path.getFileName().toString());
    Path target = parent.relativize(inShared);
    if (Files.isSymbolicLink(inRelease) && Files.readSymbolicLink(inRelease).equals(target)) {
      return false;
    }
    boolean created = ensureShared(inShared, inRelease, path);
    Trees.delete(inRelease);
    Files.createSymbolicLink(inRelease, target);
    LOG.debug("linked {} -> {}", inRelease, target);
    return created;
  }

  private boolean ensureShared(Path inShared, Path inRelease, Path path) throws IOException {
    if (Files.exists(inShared, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Files.createDirectories(inShared.getParent());
    if (Files.exists(inRelease, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(inRelease)) {
      // the first release that ships it seeds shared/ (e.g. storage/ with its .gitignore files)
      Trees.copy(inRelease, inShared);
      LOG.info("shared/{} did not exist: seeded it from the release", path);
    } else if (path.getFileName().toString().contains(".")) {
      Files.createFile(inShared);
      LOG.info("shared/{} did not exist: created it empty; fill it in before the app needs it",
          path);
    } else {
      Files.createDirectories(inShared);
      LOG.info("shared/{} did not exist: created an empty folder", path);
    }
    return true;
  }
}

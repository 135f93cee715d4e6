package dev.thingyan.adapter.storage.release;

import dev.thingyan.ports.out.FaultPoints;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code current} link and its atomic swap: a new link is made beside it and renamed over it,
 * so a reader always finds {@code current} pointing at one release or the other, never missing.
 */
final class CurrentLink {
  private static final Logger LOG = LoggerFactory.getLogger(CurrentLink.class);
  private static final String TMP_PREFIX = "current.tmp-";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path root;
  private final Path link;
  private final FaultPoints faults;
  private final Duration staleAfter;

  /** @param staleAfter age after which a leftover {@code current.tmp-*} link is a dead swap's */
  CurrentLink(Path root, FaultPoints faults, Duration staleAfter) {
    this.root = root;
    this.link = root.resolve("current");
    this.faults = faults;
    this.staleAfter = staleAfter;
  }

  /** @return the absolute, normalized folder {@code current} points at, if it is a link. */
  Optional<Path> target() throws IOException {
    if (!Files.isSymbolicLink(link)) {
      return Optional.empty();
    }
    // Deployer writes either an absolute or a relative target; a relative one is relative to root
    return Optional.of(root.resolve(Files.readSymbolicLink(link)).normalize());
  }

  /** Points {@code current} at {@code releaseDir} (a {@code releases/} folder) in one rename. */
  void swapTo(Path releaseDir) throws IOException {
    if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
      throw new IOException(link + " is a real folder or file, not a symbolic link; move it into "
          + root.resolve("releases") + " and link it as current before updating");
    }
    removeStaleTemporaryLinks();
    // relative, so the whole app root can be moved or mounted elsewhere without breaking the link
    Path target = root.relativize(releaseDir);
    Path tmp = createTemporaryLink(target);
    try {
      faults.reach("swap:link-created");
      Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    try (FileChannel dir = FileChannel.open(root, StandardOpenOption.READ)) {
      dir.force(true); // the rename is durable only once the folder's entry is on disk
    }
    LOG.info("current now points at {}", target);
  }

  /** Removes {@code current.tmp-*} links older than the stale age: a killed swap's leftovers. */
  void removeStaleTemporaryLinks() throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    Instant cutoff = Instant.now().minus(staleAfter);
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(root, TMP_PREFIX + "*")) {
      for (Path tmp : leftovers) {
        // a younger one may belong to a swap running right now in another process
        if (Files.isSymbolicLink(tmp) && modified(tmp).isBefore(cutoff)) {
          Files.deleteIfExists(tmp);
          LOG.info("removed {} left behind by an interrupted swap", tmp.getFileName());
        }
      }
    }
  }

  private Path createTemporaryLink(Path target) throws IOException {
    for (int attempt = 0; ; attempt++) {
      byte[] bytes = new byte[6];
      RANDOM.nextBytes(bytes);
      Path tmp = root.resolve(TMP_PREFIX + HexFormat.of().formatHex(bytes));
      try {
        return Files.createSymbolicLink(tmp, target);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt >= 3) {
          throw e;
        }
      }
    }
  }

  private static Instant modified(Path p) throws IOException {
    return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
  }
}

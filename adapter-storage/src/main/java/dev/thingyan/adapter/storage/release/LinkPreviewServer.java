package dev.thingyan.adapter.storage.release;

import dev.thingyan.ports.out.CommandRunner;
import dev.thingyan.ports.out.PreviewServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The preview through the production web server: {@code <app_root>/.thingyan/preview} is pointed
 * at the staged release (a new link renamed over the old, like {@code current}), and a
 * loopback-only site of the web server, whose root goes through that link, serves it with the
 * same PHP-FPM pool and settings as production. The link is its own durable record: after a
 * crash, {@link #stop()} finds it and removes it.
 */
public final class LinkPreviewServer implements PreviewServer {

  /** The link's name inside the state folder ({@code .thingyan/}). */
  public static final String LINK = "preview";

  private final Path stateDir;
  private final URI origin;

  /**
   * @param stateDir {@code <app_root>/.thingyan}: the folder must be traversable by the web
   *     server's user (mode 0711 or 0755; its secrets are owner-only files)
   * @param origin where the web server's preview site listens, e.g. {@code http://127.0.0.1:8081}
   */
  public LinkPreviewServer(Path stateDir, URI origin) {
    this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
    this.origin = Objects.requireNonNull(origin, "origin");
  }

  @Override
  public URI start(Path releaseDir, CommandRunner.OutputSink log) {
    Path link = stateDir.resolve(LINK);
    Path tmp = stateDir.resolve(LINK + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
    try {
      Files.createDirectories(stateDir);
      Files.createSymbolicLink(tmp, releaseDir.toAbsolutePath());
      Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      fsync(stateDir);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // stop() removes leftovers of this name too
      }
      throw new UncheckedIOException("could not point " + link + " at " + releaseDir + " (" + e.getMessage()
          + "); check that thingyan can write " + stateDir, e);
    }
    log.line(false, LINK + " -> " + releaseDir.getFileName() + ", served by the web server's preview site " + origin);
    return origin;
  }

  @Override
  public List<String> stop() {
    List<String> removed = new ArrayList<>();
    Path link = stateDir.resolve(LINK);
    try {
      if (Files.isSymbolicLink(link) || Files.exists(link)) {
        String target = Files.isSymbolicLink(link) ? String.valueOf(Files.readSymbolicLink(link).getFileName()) : "?";
        Files.delete(link);
        removed.add("removed the preview link " + link + " (-> " + target + ")");
      }
      if (Files.isDirectory(stateDir)) {
        try (DirectoryStream<Path> tmps = Files.newDirectoryStream(stateDir, LINK + ".tmp-*")) {
          for (Path t : tmps) {
            Files.deleteIfExists(t);
            removed.add("removed a half-made preview link " + t.getFileName());
          }
        }
        if (!removed.isEmpty()) {
          fsync(stateDir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove the preview link " + link + ": " + e.getMessage(), e);
    }
    return removed;
  }

  @Override
  public String describe() {
    return "the web server's preview site " + origin + " (root through .thingyan/" + LINK + ")";
  }

  private static void fsync(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}

package dev.thingyan.adapter.storage.release;

import dev.thingyan.adapter.storage.owner.Ownership;
import dev.thingyan.ports.model.GateBypass;
import dev.thingyan.ports.model.MaintenanceFlag;
import dev.thingyan.ports.model.ExtractionLimits;
import dev.thingyan.ports.model.ExtractionResult;
import dev.thingyan.ports.model.InstalledRelease;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.FaultPoints;
import dev.thingyan.ports.out.ReleaseWorkspace;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app root on the local file system, in the Deployer/Envoyer layout:
 * {@code releases/<version>-<yyyyMMddHHmmss>/}, {@code shared/}, {@code current -> releases/…}
 * (a relative link) and {@code .thingyan/}. An existing layout is adopted as it is: an absolute or
 * relative {@code current}, release folders named otherwise (listed without a version). Opening it
 * creates {@code .thingyan/} and removes links left by a swap that a killed process interrupted.
 */
public final class FileSystemReleaseWorkspace implements ReleaseWorkspace {
  private static final Logger LOG = LoggerFactory.getLogger(FileSystemReleaseWorkspace.class);
  /** A swap takes microseconds; a temporary link older than this is a dead process's. */
  static final Duration STALE_SWAP_LINK = Duration.ofMinutes(1);

  private final Path root;
  private final StateFolder state;
  private final ReleaseFolders releases;
  private final CurrentLink current;
  private final SharedLinks shared;
  private final SafeExtractor extractor = new SafeExtractor();
  private final Optional<Ownership> ownership;

  /**
   * @param appRoot the app's deploy path (created if absent)
   * @param faults where crash tests stop the process ({@code swap:link-created});
   *     {@link FaultPoints#NONE} in production
   */
  public FileSystemReleaseWorkspace(Path appRoot, FaultPoints faults) {
    this(appRoot, faults, STALE_SWAP_LINK, Optional.empty());
  }

  /**
   * @param ownership when present ({@code app.user}), extracted release folders and the shared
   *     paths are given to the app user, so that it can write what the app writes
   */
  public FileSystemReleaseWorkspace(Path appRoot, FaultPoints faults, Optional<Ownership> ownership) {
    this(appRoot, faults, STALE_SWAP_LINK, ownership);
  }

  FileSystemReleaseWorkspace(Path appRoot, FaultPoints faults, Duration staleSwapLink) {
    this(appRoot, faults, staleSwapLink, Optional.empty());
  }

  FileSystemReleaseWorkspace(Path appRoot, FaultPoints faults, Duration staleSwapLink,
      Optional<Ownership> ownership) {
    this.ownership = Objects.requireNonNull(ownership, "ownership");
    this.root = appRoot.toAbsolutePath().normalize();
    this.state = new StateFolder(root.resolve(".thingyan"));
    this.releases = new ReleaseFolders(root.resolve("releases"));
    this.current = new CurrentLink(root, Objects.requireNonNull(faults, "faults"), staleSwapLink);
    this.shared = new SharedLinks(root.resolve("shared"));
    Io.run("open the app root " + root, () -> {
      Files.createDirectories(state.dir());
      current.removeStaleTemporaryLinks();
    });
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public Optional<InstalledRelease> current() {
    Optional<Path> target = Io.call("read " + root.resolve("current"), current::target);
    return target.map(t -> {
      try {
        return releases.describe(releases.require(t));
      } catch (IllegalArgumentException e) {
        LOG.warn("current points at {}, outside {}; shown as it is", t, releases.dir());
        return releases.describe(t);
      }
    });
  }

  @Override
  public List<InstalledRelease> installed() {
    return releases.list();
  }

  @Override
  public Path downloadDir(String runId) {
    return state.downloadDir(runId);
  }

  @Override
  public Path prepareStaging(Version version, Instant at) {
    return Io.call("create a release folder in " + releases.dir(), () -> {
      Files.createDirectories(releases.dir());
      for (ReleaseName name = new ReleaseName(version, at, 0); ; name = name.next()) {
        try {
          Path dir = Files.createDirectory(releases.dir().resolve(name.folderName()));
          LOG.info("staging release {} in {}", version, dir);
          return dir;
        } catch (FileAlreadyExistsException e) {
          // the same version staged twice within one second: the next suffix
        }
      }
    });
  }

  @Override
  public ExtractionResult extract(Path archive, Path stagingDir, ExtractionLimits limits) {
    Path staging = releases.require(stagingDir);
    ExtractionResult result = extractor.extract(archive, staging, limits);
    ownership.ifPresent(o -> Io.run("give " + staging + " to " + o.user().owner(),
        () -> o.giveTree(staging)));
    return result;
  }

  @Override
  public void linkShared(Path releaseDir, List<String> sharedPaths) {
    Path release = releases.require(releaseDir);
    for (String p : sharedPaths) {
      Path relative = sharedPath(p);
      Io.run("link shared/" + relative + " into " + release, () -> {
        boolean created = shared.link(release, relative);
        if (ownership.isPresent()) {
          giveShared(ownership.get(), release, relative, created);
        }
      });
    }
  }

  @Override
  public void activate(Path releaseDir) {
    Path release = releases.require(releaseDir);
    Io.run("point " + root.resolve("current") + " at " + release, () -> current.swapTo(release));
  }

  @Override
  public void discard(Path releaseDir) {
    Path release = releases.require(releaseDir);
    if (current().map(c -> c.dir().equals(release)).orElse(false)) {
      throw new IllegalStateException(release + " is the current release and cannot be discarded; "
          + "activate another release first");
    }
    Io.run("delete " + release, () -> Trees.delete(release));
    LOG.info("discarded {}", release);
  }

  @Override
  public List<Path> prune(Collection<Path> releaseDirs) {
    Optional<Path> live = current().map(InstalledRelease::dir);
    List<Path> deleted = new ArrayList<>();
    for (Path asked : releaseDirs) {
      Optional<Path> dir = releaseFolder(asked);
      if (dir.isEmpty()) {
        continue;
      }
      if (live.isPresent() && live.get().equals(dir.get())) {
        LOG.warn("not pruning {}: it is the current release", dir.get());
      } else if (tryDelete(dir.get())) {
        deleted.add(dir.get());
      }
    }
    return deleted;
  }

  /** @return the folder as {@code releases/<name>}, or empty (logged) when it is not one now */
  private Optional<Path> releaseFolder(Path asked) {
    try {
      return Optional.of(releases.require(asked));
    } catch (IllegalArgumentException e) {
      if (Files.exists(asked, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        LOG.warn("not pruning {}: {}", asked, e.getMessage());
      }
      return Optional.empty();
    }
  }

  @Override
  public long usableBytes() {
    return Io.call("read the free space of " + root,
        () -> Files.getFileStore(root).getUsableSpace());
  }

  @Override
  public void setMaintenanceFlag(boolean on, String reason) {
    state.setMaintenance(on, reason);
  }

  @Override
  public boolean maintenanceFlag() {
    return state.maintenance();
  }

  @Override
  public void raiseMaintenanceFlag(String reason, GateBypass bypass) {
    state.raiseMaintenance(reason, bypass);
  }

  @Override
  public Optional<MaintenanceFlag> readMaintenanceFlag() {
    return state.readMaintenance();
  }

  /**
   * A shared folder itself always (and the folders between it and {@code shared/}); everything in
   * it only when thingyan just made it: files the app wrote are the app's, and whatever else owns
   * them is for the write-access precheck to report, not for us to change. A shared file that
   * was there keeps its owner: the admin may keep {@code .env} (the database password) root's and
   * only readable by the app's group, so that the app cannot rewrite it.
   */
  private void giveShared(Ownership o, Path release, Path relative, boolean created)
      throws IOException {
    // the link in the release, and any folder made for it there
    for (Path p = release.resolve(relative.toString()); !p.equals(release); p = p.getParent()) {
      o.give(p);
    }
    Path sharedRoot = root.resolve("shared");
    Path path = sharedRoot.resolve(relative.toString());
    for (Path p = path.getParent(); p != null && p.startsWith(sharedRoot); p = p.getParent()) {
      o.give(p);
    }
    if (created) {
      o.giveTree(path);
    } else if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      o.give(path);
    }
  }

  private static boolean tryDelete(Path dir) {
    try {
      Trees.delete(dir);
      LOG.info("pruned old release {}", dir);
      return true;
    } catch (IOException e) {
      LOG.warn("could not prune {} ({}); it stays until the next prune or is deleted by hand", dir,
          e.getMessage());
      return false;
    }
  }

  private static Path sharedPath(String path) {
    try {
      List<String> segments = PathRules.segments(Objects.requireNonNull(path, "shared path"));
      if (segments.isEmpty()) {
        throw new IllegalArgumentException("is empty");
      }
      return Path.of(String.join("/", segments));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("shared path '" + path + "' " + e.getMessage()
          + "; give a path inside the release, such as storage or .env");
    }
  }
}

package dev.thingyan.ports.out;

import dev.thingyan.ports.model.ExtractionLimits;
import dev.thingyan.ports.model.ExtractionResult;
import dev.thingyan.ports.model.GateBypass;
import dev.thingyan.ports.model.InstalledRelease;
import dev.thingyan.ports.model.MaintenanceFlag;
import dev.thingyan.ports.model.Version;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The app's folder layout (Deployer/Envoyer compatible):
 * {@code releases/<version>-<yyyymmddhhmmss>/}, {@code shared/}, the {@code current} link and
 * {@code .thingyan/} (maintenance flag, lock, downloads). An existing layout is adopted as it is.
 */
public interface ReleaseWorkspace {

  /** @return the app root this workspace manages. */
  Path root();

  /** @return the release {@code current} points at, if the link exists. */
  Optional<InstalledRelease> current();

  /** @return all release folders, newest first (by the timestamp in their names). */
  List<InstalledRelease> installed();

  /** @return a folder inside {@code .thingyan/} where a run may keep its downloads. */
  Path downloadDir(String runId);

  /** Creates (if absent) and returns the staging folder {@code releases/<version>-<timestamp>}. */
  Path prepareStaging(Version version, Instant at);

  /**
   * Extracts a {@code .tar.gz}/{@code .tgz} or {@code .zip} into an empty staging folder. If the
   * archive's entries all sit under one top-level folder, that folder is stripped.
   *
   * @throws UnsafeArchiveException on an absolute path, {@code ..}, a link or hard link that
   *     leaves the folder, a device or FIFO, or a size/entry limit exceeded; the partial
   *     extraction is then removed
   */
  ExtractionResult extract(Path archive, Path stagingDir, ExtractionLimits limits);

  /**
   * Links each shared path ({@code .env}, {@code storage} …) of {@code shared/} into the release,
   * replacing what the archive shipped there. A missing shared path is created (a folder if its
   * name has no dot, otherwise an empty file).
   */
  void linkShared(Path releaseDir, List<String> sharedPaths);

  /**
   * Points {@code current} at {@code releaseDir} atomically: a new link made beside it, renamed
   * over it, then the folder fsynced. Never delete-then-create.
   */
  void activate(Path releaseDir);

  /** Deletes a release folder that never became current (a failed staging). Refuses {@code current}. */
  void discard(Path releaseDir);

  /**
   * Deletes these release folders (the caller's retention chose them), never {@code current}
   * whatever the caller asked: the link on disk is the truth. A folder that is not in
   * {@code releases/}, is already gone, or cannot be deleted is skipped (and logged).
   *
   * @return the folders deleted
   */
  List<Path> prune(Collection<Path> releaseDirs);

  /** @return usable bytes on the app root's file system. */
  long usableBytes();

  /**
   * Creates or removes the maintenance flag file {@code .thingyan/maintenance} (with the reason).
   * Raising through this method keeps no bypass: prefer {@link #raiseMaintenanceFlag}.
   */
  void setMaintenanceFlag(boolean on, String reason);

  /** @return true when the maintenance flag file exists. */
  boolean maintenanceFlag();

  /**
   * Raises the maintenance flag with the gate's bypass secret. The file is readable by its owner
   * only (the secret lets anyone past the gate) and written whole, then renamed into place.
   * The default keeps no secret (for workspaces that cannot keep one).
   */
  default void raiseMaintenanceFlag(String reason, GateBypass bypass) {
    setMaintenanceFlag(true, reason);
  }

  /** @return the raised flag with its reason and bypass, or empty when the gate is down */
  default Optional<MaintenanceFlag> readMaintenanceFlag() {
    return maintenanceFlag() ? Optional.of(new MaintenanceFlag("", Optional.empty())) : Optional.empty();
  }
}

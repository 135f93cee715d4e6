package dev.thingyan.ports.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run as the journal holds it. The durable facts recovery needs (the staged release, the
 * release that was current before, the backup) are fields, set as soon as they are known.
 *
 * @param fromVersion the version serving when the run started, if known
 * @param targetVersion the version being installed (for a rollback run: the one rolled back to)
 * @param releaseDir the staged release folder of this run, once created
 * @param previousReleaseDir the folder {@code current} pointed at before this run (last known good)
 * @param backupId the pre-update backup, once stored
 * @param awaiting what the run waits for from an admin ({@link Awaiting#NOTHING} most of the time)
 * @param reason the last failure or resolution reason, readable by an admin
 * @param resolvedBy for a {@code rollback_failed} run: the admin who cleared the block
 */
public record Run(
    RunId id,
    RunKind kind,
    RunState state,
    Optional<Version> fromVersion,
    Optional<Version> targetVersion,
    Actor requestedBy,
    Instant startedAt,
    Instant updatedAt,
    Optional<Path> releaseDir,
    Optional<Path> previousReleaseDir,
    Optional<String> backupId,
    Awaiting awaiting,
    Optional<String> reason,
    Optional<Actor> resolvedBy,
    RunOptions options) {

  public Run {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(fromVersion, "fromVersion");
    Objects.requireNonNull(targetVersion, "targetVersion");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(releaseDir, "releaseDir");
    Objects.requireNonNull(previousReleaseDir, "previousReleaseDir");
    Objects.requireNonNull(backupId, "backupId");
    Objects.requireNonNull(awaiting, "awaiting");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(resolvedBy, "resolvedBy");
    Objects.requireNonNull(options, "options");
  }

  /** @return true when this run ended in {@code rollback_failed} and no admin has resolved it. */
  public boolean blocksUpdates() {
    return state == RunState.ROLLBACK_FAILED && resolvedBy.isEmpty();
  }

  /** What an unfinished run waits for from an admin. */
  public enum Awaiting {
    NOTHING,
    /** Migrations may or may not have run: an admin decides whether the database is restored. */
    DB_RESTORE_CONFIRMATION
  }
}

package dev.thingyan.ports.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the journal needs to open a run; it starts in {@link RunState#IDLE}. */
public record NewRun(RunId id, RunKind kind, Optional<Version> fromVersion,
    Optional<Version> targetVersion, Actor requestedBy, Instant startedAt, RunOptions options) {
  public NewRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fromVersion, "fromVersion");
    Objects.requireNonNull(targetVersion, "targetVersion");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(options, "options");
  }
}

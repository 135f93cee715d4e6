package dev.thingyan.ports.model;

import java.util.Objects;
import java.util.UUID;

/** Identifies one update or rollback run. */
public record RunId(String value) {
  public RunId {
    Objects.requireNonNull(value, "run id");
    if (value.isBlank() || value.length() > 64) {
      throw new IllegalArgumentException("run id must be 1..64 characters");
    }
  }

  /** @return a fresh random id. */
  public static RunId random() {
    return new RunId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}

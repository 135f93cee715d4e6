package dev.thingyan.ports.model;

import java.util.Objects;

/**
 * Who asked for something, as recorded in the journal and the audit trail: e.g. {@code cli:root}
 * or {@code user:42}. Never a name, email or other personal data.
 */
public record Actor(String id) {
  public Actor {
    Objects.requireNonNull(id, "actor id");
    if (id.isBlank() || id.length() > 128) {
      throw new IllegalArgumentException("actor id must be 1..128 characters");
    }
  }

  /** The system itself (start-up recovery, automatic rollback). */
  public static final Actor SYSTEM = new Actor("system");

  @Override
  public String toString() {
    return id;
  }
}

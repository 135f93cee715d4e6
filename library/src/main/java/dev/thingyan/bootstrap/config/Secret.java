package dev.thingyan.bootstrap.config;

import java.util.Objects;

/**
 * A password or token read from a file. Its {@link #toString()} is {@code ***} so that a record
 * holding it can be logged or printed without leaking it; {@link #reveal()} is the one explicit,
 * searchable way to the value.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    Objects.requireNonNull(value, "secret");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
    this.value = value;
  }

  /** @return the secret value; pass it only to what needs it, never to a log or an answer. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "***";
  }
}

package dev.thingyan.ports.model.report;

import java.util.Locale;

/** How bad a reported error is; senders write it in lower case ({@code critical} …). */
public enum Severity {
  /** The property cannot work (no check-in, data loss, update left the system down). */
  CRITICAL,
  /** A feature failed for a user. */
  ERROR,
  /** Something degraded but the user could go on. */
  WARNING,
  /** A note worth tracking, not a failure. */
  INFO;

  /** @return the name as senders write it, e.g. {@code critical}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

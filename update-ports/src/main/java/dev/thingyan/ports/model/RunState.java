package dev.thingyan.ports.model;

import java.util.Locale;

/** The spec's thirteen states of an update run. Which moves between them are allowed is the domain's decision. */
public enum RunState {
  IDLE,
  CHECKING,
  PRECHECK_FAILED,
  BACKUP_RUNNING,
  BACKUP_FAILED,
  DOWNLOADING,
  APPLYING,
  MIGRATING,
  HEALTH_CHECK,
  ROLLBACK_RUNNING,
  ROLLBACK_FAILED,
  COMPLETED,
  FAILED;

  /** @return the spec's spelling, e.g. {@code backup_running}, as stored in the journal and shown in the API. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @return the state spelled as {@link #wireName()} returns it. */
  public static RunState fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }

  /** @return true for the states that end a run: nothing moves out of them. */
  public boolean isEnding() {
    return this == PRECHECK_FAILED || this == BACKUP_FAILED || this == COMPLETED || this == FAILED
        || this == ROLLBACK_FAILED;
  }
}

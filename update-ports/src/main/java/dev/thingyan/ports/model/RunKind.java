package dev.thingyan.ports.model;

/** Why a run exists: an update to a new release, or an admin's rollback to the last known good one. */
public enum RunKind {
  UPDATE,
  ROLLBACK
}

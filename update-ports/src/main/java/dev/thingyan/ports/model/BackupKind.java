package dev.thingyan.ports.model;

/** Why a backup was taken. */
public enum BackupKind {
  /** Before an update, by the run. */
  PRE_UPDATE,
  /** Asked for by an admin. */
  MANUAL,
  /** The database as it was just before a restore, so nothing written since is lost. */
  SAFETY
}

package dev.thingyan.ports.model;

/**
 * What the admin allowed for this run.
 *
 * @param allowDowngrade install a version lower than the current one
 * @param allowPreRelease consider pre-releases when choosing the newest release
 */
public record RunOptions(boolean allowDowngrade, boolean allowPreRelease) {
  public static final RunOptions DEFAULT = new RunOptions(false, false);
}

package dev.thingyan.adapter.http.probe;

/**
 * Whether a health probe also requires the body to report the version being installed, so that
 * "something answers" is not mistaken for "the new release answers".
 */
public enum VersionCheck {
  /** Only the status code counts. */
  NONE,
  /**
   * The body is a JSON object whose {@code app_version} (or else {@code version}) field equals
   * the expected version (a leading {@code v} and build metadata are ignored).
   */
  JSON_FIELD,
  /** The body contains the expected version as literal text, e.g. {@code 1.2.0}. */
  CONTAINS
}

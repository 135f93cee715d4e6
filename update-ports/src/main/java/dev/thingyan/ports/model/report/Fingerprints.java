package dev.thingyan.ports.model.report;

import java.util.regex.Pattern;

/** The one shape a fingerprint has: SHA-256 as 64 lower-case hex characters. */
public final class Fingerprints {
  private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{64}");

  private Fingerprints() {}

  /**
   * @return the fingerprint, unchanged
   * @throws IllegalArgumentException when it is not 64 lower-case hex characters
   */
  public static String check(String fingerprint) {
    if (fingerprint == null || !SHAPE.matcher(fingerprint).matches()) {
      throw new IllegalArgumentException("fingerprint must be 64 lower-case hex characters");
    }
    return fingerprint;
  }

  /** @return the first 12 characters, enough to tell fingerprints apart in logs and lists. */
  public static String shortForm(String fingerprint) {
    return check(fingerprint).substring(0, 12);
  }
}

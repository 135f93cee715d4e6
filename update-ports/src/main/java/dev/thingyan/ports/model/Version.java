package dev.thingyan.ports.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver.org 2.0.0), ordered by semver precedence. A leading {@code v} (as in
 * the tag {@code v1.2.3}) is accepted and dropped.
 */
public record Version(int major, int minor, int patch, String preRelease, String build)
    implements Comparable<Version> {

  private static final Pattern SEMVER = Pattern.compile(
      "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
          + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
          + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  public Version {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("version numbers must not be negative");
    }
    preRelease = preRelease == null ? "" : preRelease;
    build = build == null ? "" : build;
  }

  /**
   * @param text {@code 1.2.3}, {@code v1.2.3-rc.1+build.5}
   * @throws IllegalArgumentException naming the text when it is not a semantic version
   */
  public static Version parse(String text) {
    Objects.requireNonNull(text, "version");
    Matcher m = SEMVER.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a semantic version (expected MAJOR.MINOR.PATCH, e.g. 1.4.2 or v1.4.2-rc.1)");
    }
    try {
      return new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), m.group(4), m.group(5));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' has a version number too large", e);
    }
  }

  /** @return true when this is a pre-release such as {@code 2.0.0-rc.1}. */
  public boolean isPreRelease() {
    return !preRelease.isEmpty();
  }

  @Override
  public int compareTo(Version o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) c = Integer.compare(minor, o.minor);
    if (c == 0) c = Integer.compare(patch, o.patch);
    if (c != 0) return c;
    if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
      return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
    }
    return comparePreRelease(identifiers(preRelease), identifiers(o.preRelease));
  }

  private static List<String> identifiers(String s) {
    return new ArrayList<>(List.of(s.split("\\.")));
  }

  private static int comparePreRelease(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      String x = a.get(i);
      String y = b.get(i);
      boolean xn = x.chars().allMatch(Character::isDigit);
      boolean yn = y.chars().allMatch(Character::isDigit);
      int c;
      if (xn && yn) {
        c = Long.compare(Long.parseLong(x), Long.parseLong(y));
      } else if (xn || yn) {
        c = xn ? -1 : 1;
      } else {
        c = x.compareTo(y);
      }
      if (c != 0) return c;
    }
    return Integer.compare(a.size(), b.size());
  }

  /** @return true when both have the same precedence (build metadata ignored). */
  public boolean samePrecedence(Version o) {
    return compareTo(o) == 0;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease)
        + (build.isEmpty() ? "" : "+" + build);
  }
}

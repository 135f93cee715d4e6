package dev.thingyan.domain.policy;

import dev.thingyan.ports.model.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A version range as npm/composer write them, for {@code upgrade_from} in {@code release.json}:
 * comparators joined by spaces (and), alternatives joined by {@code ||}; {@code ^1.2.0},
 * {@code ~1.2.0}, {@code 1.x}, {@code *}.
 */
public final class SemverRange {

  private final String text;
  private final List<List<Predicate<Version>>> alternatives;

  private SemverRange(String text, List<List<Predicate<Version>>> alternatives) {
    this.text = text;
    this.alternatives = alternatives;
  }

  /** @throws IllegalArgumentException naming the range when it cannot be read */
  public static SemverRange parse(String text) {
    List<List<Predicate<Version>>> alternatives = new ArrayList<>();
    for (String alternative : text.split("\\|\\|")) {
      List<Predicate<Version>> all = new ArrayList<>();
      for (String comparator : alternative.trim().split("\\s+")) {
        if (!comparator.isEmpty()) {
          all.add(comparator(comparator, text));
        }
      }
      alternatives.add(all);
    }
    return new SemverRange(text.trim(), alternatives);
  }

  /** @return true when {@code v} satisfies the range. */
  public boolean contains(Version v) {
    return alternatives.stream().anyMatch(all -> all.stream().allMatch(p -> p.test(v)));
  }

  private static Predicate<Version> comparator(String c, String range) {
    try {
      if (c.equals("*") || c.equalsIgnoreCase("x")) return v -> true;
      if (c.startsWith(">=")) return atLeast(lenient(c.substring(2)), 0);
      if (c.startsWith("<=")) return atMost(lenient(c.substring(2)), 0);
      if (c.startsWith(">")) return atLeast(lenient(c.substring(1)), 1);
      if (c.startsWith("<")) return atMost(lenient(c.substring(1)), -1);
      if (c.startsWith("=")) return exact(lenient(c.substring(1)));
      if (c.startsWith("^")) return caret(lenient(c.substring(1)));
      if (c.startsWith("~")) return tilde(lenient(c.substring(1)));
      if (c.contains("x") || c.contains("*") || c.split("\\.").length < 3) return wildcard(c);
      return exact(Version.parse(c));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("upgrade_from: cannot read '" + c + "' in the range '"
          + range + "' (write e.g. >=1.2.0 <2.0.0, ^1.2.0 or 1.x)", e);
    }
  }

  /** {@code v >= x} (min 0) or {@code v > x} (min 1); the bound is parsed now, not at the first test. */
  private static Predicate<Version> atLeast(Version x, int min) {
    return v -> v.compareTo(x) >= min;
  }

  private static Predicate<Version> atMost(Version x, int max) {
    return v -> Integer.signum(v.compareTo(x)) <= max;
  }

  private static Predicate<Version> exact(Version x) {
    return v -> v.samePrecedence(x);
  }

  private static Predicate<Version> caret(Version x) {
    Version upper = x.major() > 0 ? new Version(x.major() + 1, 0, 0, "", "")
        : x.minor() > 0 ? new Version(0, x.minor() + 1, 0, "", "")
        : new Version(0, 0, x.patch() + 1, "", "");
    return v -> v.compareTo(x) >= 0 && v.compareTo(upper) < 0;
  }

  private static Predicate<Version> tilde(Version x) {
    Version upper = new Version(x.major(), x.minor() + 1, 0, "", "");
    return v -> v.compareTo(x) >= 0 && v.compareTo(upper) < 0;
  }

  private static Predicate<Version> wildcard(String c) {
    String[] parts = c.replaceFirst("^v", "").split("\\.");
    int major = Integer.parseInt(parts[0]);
    boolean anyMinor = parts.length < 2 || parts[1].equals("x") || parts[1].equals("*");
    int minor = anyMinor ? 0 : Integer.parseInt(parts[1]);
    return v -> v.major() == major && (anyMinor || v.minor() == minor);
  }

  /** {@code 1.2} reads as {@code 1.2.0}, {@code 1} as {@code 1.0.0}. */
  private static Version lenient(String s) {
    String t = s.trim().replaceFirst("^v", "");
    long dots = t.chars().filter(ch -> ch == '.').count();
    return Version.parse(dots == 0 ? t + ".0.0" : dots == 1 ? t + ".0" : t);
  }

  @Override
  public String toString() {
    return text;
  }
}

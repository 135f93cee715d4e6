package dev.thingyan.adapter.storage.release;

import dev.thingyan.ports.out.UnsafeArchiveException;

/** The refusals of archive entries, worded the same wherever a rule is checked. */
final class Refusals {
  private Refusals() {}

  /** @return a refusal naming the entry and the rule it broke. */
  static UnsafeArchiveException entry(ArchiveEntry entry, String rule) {
    return new UnsafeArchiveException("entry '" + printable(entry.name()) + "' " + rule);
  }

  /** Refuses a file whose size ({@code verb}: declares / has) is over the per-file limit. */
  static void checkSize(ArchiveEntry entry, long size, long max, String verb) {
    if (size > max) {
      throw entry(entry, verb + " more than the limit of " + max + " bytes for one file");
    }
  }

  /** Refuses when the running total ({@code what}: declared / written) is over the limit. */
  static void checkTotal(ArchiveEntry entry, long total, long max, String what) {
    if (total > max) {
      throw entry(entry, "brings the " + what + " total over the limit of " + max + " bytes");
    }
  }

  /** @return the name with control characters shown as {@code ?}, safe for a log line. */
  static String printable(String name) {
    StringBuilder out = new StringBuilder(Math.min(name.length(), 300));
    name.codePoints().limit(300)
        .forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return name.length() > 300 ? out + "…" : out.toString();
  }
}

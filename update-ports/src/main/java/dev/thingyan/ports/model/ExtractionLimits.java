package dev.thingyan.ports.model;

/**
 * Bounds on what an archive may unpack to; an archive over any of them is refused as a whole.
 *
 * @param maxTotalBytes sum of the uncompressed sizes of all entries
 * @param maxEntries number of entries (files, folders, links)
 * @param maxEntryBytes uncompressed size of a single file
 */
public record ExtractionLimits(long maxTotalBytes, int maxEntries, long maxEntryBytes) {
  public ExtractionLimits {
    if (maxTotalBytes <= 0 || maxEntries <= 0 || maxEntryBytes <= 0) {
      throw new IllegalArgumentException("extraction limits must be positive");
    }
  }

  /** 4 GiB in all, 200,000 entries, 2 GiB per file. */
  public static final ExtractionLimits DEFAULT =
      new ExtractionLimits(4L << 30, 200_000, 2L << 30);
}

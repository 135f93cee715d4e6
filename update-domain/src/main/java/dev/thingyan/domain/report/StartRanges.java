package dev.thingyan.domain.report;

import java.util.Arrays;

/**
 * Ranges of positions {@code [from, to)} where a rule's match may start, as {@link Starts} finds
 * them: appended in any order, possibly overlapping, read back sorted by {@code from}.
 */
final class StartRanges {
  private long[] ranges;
  private int size;
  private int limit;

  /**
   * Empties the list for the next rule or text (one list serves a whole redaction).
   *
   * @param limit the text's length: ranges are clipped to {@code [0, limit)}
   */
  StartRanges reset(int limit) {
    this.limit = limit;
    this.size = 0;
    return this;
  }

  void add(int from, int to) {
    int f = Math.max(0, from);
    int t = Math.min(limit, to);
    if (f >= t) {
      return;
    }
    if (ranges == null) {
      ranges = new long[8];
    } else if (size == ranges.length) {
      ranges = Arrays.copyOf(ranges, 2 * size);
    }
    ranges[size++] = (long) f << 32 | t;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  /** Orders the ranges by their start; call once, after the last {@link #add}. */
  void sort() {
    if (size > 1) {
      Arrays.sort(ranges, 0, size);
    }
  }

  int from(int i) {
    return (int) (ranges[i] >>> 32);
  }

  int to(int i) {
    return (int) ranges[i];
  }
}

package dev.thingyan.adapter.github;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code Content-Range: bytes start-end/total} header of a 206 answer ({@code total} may be *). */
record ContentRange(long start, long end, Optional<Long> total) {
  private static final Pattern BYTES = Pattern.compile("\\s*bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)\\s*");

  static Optional<ContentRange> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = BYTES.matcher(header);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Optional<Long> total = m.group(3).equals("*") ? Optional.empty() : Optional.of(Long.parseLong(m.group(3)));
      return Optional.of(new ContentRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), total));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

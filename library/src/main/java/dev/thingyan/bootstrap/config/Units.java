package dev.thingyan.bootstrap.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the human spellings of durations ({@code 90s}, {@code 10m}, {@code 1h30m}, ISO-8601) and sizes. */
public final class Units {
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)");
  private static final Map<String, Long> SIZE_UNITS = Map.ofEntries(
      Map.entry("", 1L), Map.entry("b", 1L),
      Map.entry("kb", 1_000L), Map.entry("mb", 1_000_000L),
      Map.entry("gb", 1_000_000_000L), Map.entry("tb", 1_000_000_000_000L),
      Map.entry("kib", 1L << 10), Map.entry("mib", 1L << 20),
      Map.entry("gib", 1L << 30), Map.entry("tib", 1L << 40));

  private Units() {}

  /**
   * @param text {@code 500ms}, {@code 90s}, {@code 10m}, {@code 1h}, {@code 2d}, {@code 1h30m} or ISO-8601 {@code PT10M}
   * @throws IllegalArgumentException when it is none of these
   */
  public static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("p")) {
      try {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not an ISO-8601 duration: " + text, e);
      }
    }
    Matcher m = DURATION_PART.matcher(t);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      total = total.plus(part(Long.parseLong(m.group(1)), m.group(2)));
      end = m.end();
    }
    if (end == 0 || end != t.length()) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    return total;
  }

  private static Duration part(long n, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /**
   * @param text {@code 500MB}, {@code 2GB} (powers of 1000), {@code 1GiB} (powers of 1024) or plain bytes
   * @throws IllegalArgumentException when it is not a size
   */
  public static long bytes(String text) {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    Long unit = m.matches() ? SIZE_UNITS.get(m.group(2)) : null;
    if (unit == null) {
      throw new IllegalArgumentException("not a size: " + text);
    }
    try {
      return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("not a whole number of bytes: " + text, e);
    }
  }
}

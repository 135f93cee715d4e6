package dev.thingyan.bootstrap.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 90s}, {@code 5m}, {@code 1h}: how long a command may keep sending. */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    try {
      long n = Long.parseLong(v.substring(0, v.length() - 1));
      Duration d = switch (v.charAt(v.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> throw new NumberFormatException();
      };
      if (d.isNegative()) {
        throw new NumberFormatException();
      }
      return d;
    } catch (RuntimeException e) {
      throw new TypeConversionException("expected a duration such as 30s, 5m or 1h");
    }
  }
}

package dev.thingyan.adapter.storage.release;

import dev.thingyan.ports.model.Version;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release folder name {@code <version>-<yyyyMMddHHmmss>}, with {@code -<n>} added when two
 * releases of one version were staged in the same second. The timestamp is UTC so that names sort
 * the same whatever the host's time zone (and across a daylight-saving change).
 *
 * @param suffix 0 for none
 */
record ReleaseName(Version version, Instant stagedAt, int suffix) {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private static final Pattern NAME = Pattern.compile("(.+)-(\\d{14})(?:-(\\d{1,4}))?");

  ReleaseName {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(stagedAt, "stagedAt");
    if (suffix < 0) {
      throw new IllegalArgumentException("suffix must not be negative");
    }
  }

  /** @return the name as a folder carries it. */
  String folderName() {
    String base = version + "-" + STAMP.format(stagedAt);
    return suffix == 0 ? base : base + "-" + suffix;
  }

  /** @return the same release with the next suffix, for when the folder name is taken. */
  ReleaseName next() {
    return new ReleaseName(version, stagedAt, suffix == 0 ? 2 : suffix + 1);
  }

  /** @return the parsed name, or empty for a folder named otherwise (Deployer's {@code 42}). */
  static Optional<ReleaseName> parse(String folderName) {
    Matcher m = NAME.matcher(folderName);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Version version = Version.parse(m.group(1));
      Instant at = LocalDateTime.parse(m.group(2), STAMP).toInstant(ZoneOffset.UTC);
      int suffix = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      return Optional.of(new ReleaseName(version, at, suffix));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}

package dev.thingyan.domain.report;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How reports become issues, from the server configuration.
 *
 * @param labels the labels every issue of this bot carries; the map is rebuilt by listing issues
 *     with all of them, so they must say "filed by thingyan" (e.g. {@code thingyan}, {@code bug})
 * @param commentInterval at most one occurrence comment per fingerprint per interval
 * @param writeSpacing at least this long between two write requests (GitHub asks for 1 s)
 * @param inApp which frames are the app's own (fingerprint, trimming)
 * @param basePaths install paths stripped from traces ({@code /var/www/pms/})
 * @param keepDelivered how long reports folded into an issue are kept in the outbox
 * @param leaseOwner who this worker is, e.g. {@code host:pid}
 */
public record ReportSettings(List<String> labels, Duration commentInterval, Duration writeSpacing,
    InAppRules inApp, List<String> basePaths, Duration keepDelivered, String leaseOwner) {

  /** GitHub's advice for content-creating requests: one per second at most. */
  public static final Duration MIN_WRITE_SPACING = Duration.ofSeconds(1);

  public ReportSettings {
    labels = List.copyOf(labels);
    if (labels.isEmpty() || labels.stream().anyMatch(l -> l.isBlank() || l.contains(","))) {
      throw new IllegalArgumentException(
          "reports.labels: give at least one label, without commas, that marks this bot's issues");
    }
    Objects.requireNonNull(commentInterval, "commentInterval");
    if (commentInterval.isNegative()) {
      throw new IllegalArgumentException("reports.comment_interval must not be negative");
    }
    Objects.requireNonNull(writeSpacing, "writeSpacing");
    if (writeSpacing.compareTo(MIN_WRITE_SPACING) < 0) {
      throw new IllegalArgumentException("reports.write_spacing must be at least 1s (GitHub's limit"
          + " for content-creating requests)");
    }
    Objects.requireNonNull(inApp, "inApp");
    basePaths = List.copyOf(basePaths);
    Objects.requireNonNull(keepDelivered, "keepDelivered");
    Objects.requireNonNull(leaseOwner, "leaseOwner");
  }

  /** Defaults: one comment an hour, 1 s between writes, delivered reports kept 30 days. */
  public static ReportSettings defaults(List<String> labels, String leaseOwner) {
    return new ReportSettings(labels, Duration.ofHours(1), MIN_WRITE_SPACING, InAppRules.DEFAULT,
        List.of(), Duration.ofDays(30), leaseOwner);
  }
}

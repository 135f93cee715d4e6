package dev.thingyan.bootstrap.config;

import dev.thingyan.ports.model.ExtractionLimits;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole standalone configuration ({@code thingyan.yaml}), validated: every value here has
 * been checked and every default applied. Load it with {@link ConfigLoader#load}.
 *
 * @param reports {@code reports.*}: error reports to GitHub Issues
 * @param releasesKeep {@code releases.keep}: release folders kept (at least 2: current and one to roll back to)
 * @param extraction {@code extraction.*}: archive limits
 * @param lockLease {@code lock.lease}: after this a lock whose holder cannot be checked is stale
 * @param language {@code ui.language}
 */
public record ThingyanConfig(
    AppConfig app,
    JournalConfig journal,
    SourceConfig source,
    VerifyConfig verify,
    HooksConfig hooks,
    HealthConfig health,
    PrecheckConfig prechecks,
    DatabaseConfig database,
    BackupConfig backup,
    ReportsConfig reports,
    int releasesKeep,
    ExtractionLimits extraction,
    Duration lockLease,
    Language language) {

  public ThingyanConfig {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(verify, "verify");
    Objects.requireNonNull(hooks, "hooks");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(prechecks, "prechecks");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(backup, "backup");
    Objects.requireNonNull(reports, "reports");
    Objects.requireNonNull(extraction, "extraction");
    Objects.requireNonNull(lockLease, "lock.lease");
    Objects.requireNonNull(language, "ui.language");
    if (releasesKeep < 2) {
      throw new IllegalArgumentException("releases.keep: must be at least 2"
          + " (the current release and one to roll back to)");
    }
    if (lockLease.isNegative() || lockLease.isZero()) {
      throw new IllegalArgumentException("lock.lease: must be positive, e.g. 6h");
    }
  }

  /**
   * @return a builder for a configuration in code, with the keys and defaults of {@code
   *     thingyan.yaml} (see {@link ConfigBuilder})
   */
  public static ConfigBuilder builder() {
    return new ConfigBuilder();
  }

  /**
   * @return every secret value configured (passwords, the GitHub token), so that hook output and
   *     logs can be masked with them (both GitHub tokens among them)
   */
  public List<String> secrets() {
    Optional<Secret> token = source instanceof SourceConfig.GitHub g ? g.token() : Optional.empty();
    Optional<Secret> s3 = backup.s3().map(BackupConfig.S3::secretAccessKey);
    return Stream.of(journal.password(), database.password(), token, s3, reports.token())
        .flatMap(Optional::stream)
        .map(Secret::reveal)
        .distinct()
        .toList();
  }
}

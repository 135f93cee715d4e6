package dev.thingyan.bootstrap.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code journal} section: the database holding runs, steps, the audit trail and the backup
 * catalog. By default an embedded H2 file under {@code <app.root>/.thingyan/}.
 */
public record JournalConfig(String url, Optional<String> user, Optional<Secret> password) {
  public JournalConfig {
    Objects.requireNonNull(url, "journal.url");
    Objects.requireNonNull(user, "journal.user");
    Objects.requireNonNull(password, "journal.password_file");
    if (!url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("journal.url: '" + url
          + "' is not a JDBC URL; expected e.g. jdbc:h2:file:/srv/pms/.thingyan/journal");
    }
  }
}

package dev.thingyan.bootstrap.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code prechecks.app}: an app-specific reason not to update now (an open folio, a
 * check-in in progress). A blocking one stops the update; otherwise it is a warning.
 */
public sealed interface AppPrecheck {

  /** @return the name shown in the precheck report (as {@code app:<name>}). */
  String name();

  boolean blocking();

  /** @return the admin's own words for a failure, in Burmese and English ({@code reason}). */
  Optional<PrecheckReason> reason();

  /** A query against the app database that passes when it returns no rows. */
  record Sql(String name, String sql, boolean blocking, Optional<PrecheckReason> reason)
      implements AppPrecheck {
    public Sql {
      checkName(name);
      Objects.requireNonNull(reason, "prechecks.app.reason");
      if (sql == null || sql.isBlank()) {
        throw new IllegalArgumentException("prechecks.app.sql: give the query, e.g. "
            + "SELECT id FROM folios WHERE status = 'open'");
      }
    }
  }

  /** An endpoint of the app that answers 2xx when an update may go ahead. */
  record Http(String name, URI url, boolean blocking, Optional<PrecheckReason> reason)
      implements AppPrecheck {
    public Http {
      checkName(name);
      Objects.requireNonNull(reason, "prechecks.app.reason");
      Objects.requireNonNull(url, "prechecks.app.http");
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
        throw new IllegalArgumentException("prechecks.app.http: '" + url
            + "' is not an http(s) URL; e.g. http://127.0.0.1/api/update-precheck");
      }
    }
  }

  private static void checkName(String name) {
    if (name == null || !name.matches("[a-z0-9_]{1,64}")) {
      throw new IllegalArgumentException("prechecks.app.name: '" + name
          + "' must be 1..64 of a-z, 0-9 and _, e.g. open_folios");
    }
  }
}

package dev.thingyan.bootstrap;

import dev.thingyan.bootstrap.config.DatabaseConfig;
import dev.thingyan.bootstrap.config.ThingyanConfig;
import dev.thingyan.ports.error.ConfigurationException;
import dev.thingyan.ports.error.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The library leaves the JDBC drivers and the S3 client to the host (a host has its own driver,
 * at its own version). A configuration that needs one the host did not add is refused at {@code
 * build()}, naming the artifact, instead of failing at the first backup with a
 * {@code NoClassDefFoundError}.
 */
final class OptionalArtifacts {

  static final String CODE = "library_missing";

  private OptionalArtifacts() {}

  /**
   * @param journalFromConfig the journal is opened from {@code journal.url} (no host DataSource)
   * @throws ConfigurationException naming every artifact to add
   */
  static void require(ThingyanConfig config, boolean journalFromConfig) {
    Set<String> needed = new LinkedHashSet<>();
    needed.add(engineKey(config.database().engine()));
    if (journalFromConfig) {
      needed.add(urlKey(config.journal().url()));
    }
    if (config.backup().s3().isPresent()) {
      needed.add("s3");
    }
    needed.remove(null);
    Properties coordinates = coordinates();
    List<String> missing = new ArrayList<>();
    for (String key : needed) {
      if (!present(key)) {
        missing.add(coordinates.getProperty(key, key));
      }
    }
    if (!loadable("liquibase.analytics.configuration.AnalyticsArgs")) {
      // the journal's schema update uses it; Maven's nearest-wins lets a host's older Liquibase in
      missing.add(coordinates.getProperty("liquibase", "org.liquibase:liquibase-core") + " (or newer"
          + " 4.x; the class path has an older Liquibase than 4.30)");
    }
    if (!missing.isEmpty()) {
      throw new ConfigurationException(CODE, Reason.of("config.library_missing", "artifacts",
          missing), "this configuration needs " + String.join(", ", missing)
          + " on the class path; add " + (missing.size() == 1 ? "it" : "them")
          + " to the host's dependencies (the library leaves JDBC drivers and the S3 client to the"
          + " host; see docs/embedding.md)", null);
    }
  }

  private static String engineKey(DatabaseConfig.Engine engine) {
    return switch (engine) {
      case POSTGRESQL -> "postgresql";
      case MARIADB, MYSQL -> "mariadb";
      default -> "sqlite";
    };
  }

  private static String urlKey(String jdbcUrl) {
    String u = jdbcUrl.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:h2:")) {
      return "h2";
    }
    if (u.startsWith("jdbc:postgresql:")) {
      return "postgresql";
    }
    if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
      return "mariadb";
    }
    return u.startsWith("jdbc:sqlite:") ? "sqlite" : null;
  }

  private static boolean present(String key) {
    String type = switch (key) {
      case "h2" -> "org.h2.Driver";
      case "postgresql" -> "org.postgresql.Driver";
      case "mariadb" -> "org.mariadb.jdbc.Driver";
      case "sqlite" -> "org.sqlite.JDBC";
      default -> "software.amazon.awssdk.http.apache5.Apache5HttpClient";
    };
    boolean found = loadable(type);
    return key.equals("s3") ? found && loadable("software.amazon.awssdk.services.s3.S3Client") : found;
  }

  private static boolean loadable(String type) {
    try {
      Class.forName(type, false, OptionalArtifacts.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static Properties coordinates() {
    Properties p = new Properties();
    try (InputStream in = OptionalArtifacts.class.getResourceAsStream("optional-artifacts.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // the keys themselves are named then
    }
    return p;
  }
}

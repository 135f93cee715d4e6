package dev.thingyan.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the connection pools and plain data sources the adapters use. */
public final class DataSources {

  private static final Logger LOG = LoggerFactory.getLogger(DataSources.class);

  /** The journal writes one fact at a time; a handful of connections is plenty. */
  public static final int JOURNAL_POOL_SIZE = 4;

  private DataSources() {}

  /**
   * A small HikariCP pool. Close it when the process ends.
   *
   * @param poolName shows in HikariCP's log lines and thread names, e.g. {@code thingyan-journal}
   */
  public static HikariDataSource pool(ConnectionSettings settings, String poolName, int maxSize) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(poolName, "poolName");
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize must be at least 1, got " + maxSize);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName(poolName);
    config.setJdbcUrl(settings.jdbcUrl());
    if (!settings.user().isEmpty()) {
      config.setUsername(settings.user());
    }
    if (!settings.password().isEmpty()) {
      config.setPassword(settings.password());
    }
    config.setMaximumPoolSize(maxSize);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
    // fail fast at start-up with the real reason instead of a pool that never connects
    config.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
    LOG.debug("opening pool {} on {}", poolName, settings.redactedUrl());
    return new HikariDataSource(config);
  }

  /**
   * The journal's pool: {@value #JOURNAL_POOL_SIZE} connections, named {@code thingyan-journal}.
   */
  public static HikariDataSource journalPool(ConnectionSettings settings) {
    return pool(durableH2(settings), "thingyan-journal", JOURNAL_POOL_SIZE);
  }

  /**
   * An embedded H2 database writes a commit to its file up to {@code WRITE_DELAY} (500 ms by
   * default) after reporting it done, so a process killed in that time loses commits the journal
   * already acknowledged (RunJournal: every method commits before it returns). The setting is not
   * kept in the file: it must be in the URL of every opener. Adds {@code WRITE_DELAY=0} to an
   * embedded H2 URL that does not set it; other databases and H2 servers are left as they are.
   */
  static ConnectionSettings durableH2(ConnectionSettings settings) {
    String url = settings.jdbcUrl();
    String upper = url.toUpperCase(java.util.Locale.ROOT);
    boolean embeddedH2 = upper.startsWith("JDBC:H2:") && !upper.startsWith("JDBC:H2:MEM:")
        && !upper.startsWith("JDBC:H2:TCP:") && !upper.startsWith("JDBC:H2:SSL:");
    if (!embeddedH2 || upper.contains("WRITE_DELAY=")) {
      return settings;
    }
    return new ConnectionSettings(url + ";WRITE_DELAY=0", settings.user(), settings.password());
  }

  /**
   * A data source without a pool: one new connection per call. For probes of the app's database,
   * which connect every few seconds during an update and should hold nothing in between.
   */
  public static DataSource unpooled(ConnectionSettings settings) {
    return new UnpooledDataSource(settings);
  }

  /**
   * The URL of the embedded H2 journal in {@code <folder>/thingyan.mv.db}. {@code AUTO_SERVER} lets
   * a second process (a CLI next to the running server) open the same file: the first opener serves
   * it to the others over a local TCP port. Set the system property {@code
   * h2.bindAddress=127.0.0.1} before H2 loads to keep that port on loopback.
   */
  public static String h2FileUrl(Path folder) {
    Path base = folder.toAbsolutePath().normalize().resolve("thingyan");
    return "jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE";
  }
}

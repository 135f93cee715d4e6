package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Short JDBC chores of the server dumpers: a bounded connect, a scratch database's name. */
final class AppJdbc {

  private static final int CONNECT_SECONDS = 10;

  private AppJdbc() {}

  /** Opens {@code url} with the settings' credentials, giving up after a few seconds. */
  static Connection connect(ConnectionSettings settings, String url) throws SQLException {
    Properties props = new Properties();
    if (!settings.user().isEmpty()) {
      props.setProperty("user", settings.user());
    }
    props.setProperty("password", settings.password());
    // PostgreSQL counts this in seconds, MariaDB in milliseconds
    boolean pg = url.startsWith("jdbc:postgresql:");
    props.setProperty("connectTimeout", pg ? "" + CONNECT_SECONDS : "" + CONNECT_SECONDS * 1000);
    return DriverManager.getConnection(url, props);
  }

  /**
   * @return a random name for a scratch database, e.g. {@code thingyan_verify_1a2b3c4d5e6f}
   */
  static String scratchName(String purpose) {
    String hex = java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return "thingyan_" + purpose + "_" + hex;
  }
}

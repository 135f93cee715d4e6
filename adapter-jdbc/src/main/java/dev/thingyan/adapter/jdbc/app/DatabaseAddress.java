package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host, port and database of a server database, read from its JDBC URL, so the engine's own
 * command-line tools can reach the same database as the driver.
 *
 * @param params the URL's query part including {@code ?}, or empty; kept when the URL is rebuilt
 *     for another database on the same server
 */
record DatabaseAddress(String scheme, String host, int port, String database, String params) {

  // jdbc:<scheme>://host[:port]/database[?params]; one host only (no fail-over lists)
  private static final Pattern URL =
      Pattern.compile("jdbc:(\\w+)://(\\[[^\\]]+\\]|[^/:?,]*)(?::(\\d+))?/([^/?;]+)(\\?.*)?");

  static DatabaseAddress postgres(String jdbcUrl) {
    return parse(jdbcUrl, 5432, "postgresql");
  }

  /** MariaDB, and MySQL servers, whose URLs the same tools reach. */
  static DatabaseAddress mariadb(String jdbcUrl) {
    return parse(jdbcUrl, 3306, "mariadb", "mysql");
  }

  private static DatabaseAddress parse(String jdbcUrl, int defaultPort, String... schemes) {
    Matcher m = URL.matcher(jdbcUrl);
    if (!m.matches() || !java.util.List.of(schemes).contains(m.group(1))) {
      throw new IllegalArgumentException(
          "jdbcUrl: expected jdbc:"
              + schemes[0]
              + "://host[:port]/database with one host and a database name; got "
              + ConnectionSettings.redact(jdbcUrl));
    }
    String host = m.group(2).isEmpty() ? "localhost" : m.group(2).replaceAll("^\\[|\\]$", "");
    int port = m.group(3) == null ? defaultPort : Integer.parseInt(m.group(3));
    String params = m.group(5) == null ? "" : m.group(5);
    return new DatabaseAddress(m.group(1), host, port, m.group(4), params);
  }

  /**
   * @return a JDBC URL for {@code other} on the same server, with the same parameters.
   */
  String jdbcUrl(String other) {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "jdbc:" + scheme + "://" + h + ":" + port + "/" + other + params;
  }

  /**
   * @return {@code host:port/database}, safe to log
   */
  @Override
  public String toString() {
    return host + ":" + port + "/" + database;
  }
}

package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DumpCompressor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a MariaDB backup needs beyond {@code mariadb-dump}'s own output to be exact: whether the
 * server can dump the history of system-versioned tables, and the exact FLOAT values ({@link
 * MariaDbFloats}), read before the dump and again after it. The dump takes its own snapshot in
 * between: when both reads agree, the table held those values all along and the dump saw them;
 * when they differ, the app wrote them meanwhile, the pairing cannot be trusted, and the backup
 * fails with a reason rather than keep shortened values.
 */
final class MariaDbExact {

  private static final Logger LOG = LoggerFactory.getLogger(MariaDbExact.class);
  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

  private final ConnectionSettings settings;
  private final DatabaseAddress address;

  MariaDbExact(ConnectionSettings settings, DatabaseAddress address) {
    this.settings = settings;
    this.address = address;
  }

  /** The server's facts a dump needs, and its FLOAT values, in one snapshot. */
  record Before(boolean history, List<MariaDbFloats.Table> floats, Map<String, String> manifest,
      Map<String, String> invalidViews) {
    byte[] header() {
      return MariaDbFloats.header(floats).getBytes(StandardCharsets.UTF_8);
    }

    /** What mariadb-dump needs on top of its usual options. */
    List<String> dumpOptions(String database) {
      List<String> options = new ArrayList<>();
      if (history) {
        options.add("--dump-history");
      }
      invalidViews.keySet().forEach(v -> options.add("--ignore-table=" + database + "." + v));
      return options;
    }
  }

  /** @param advice what to check when the server cannot be read, appended to the message */
  Before before(String advice) {
    try (Connection c = AppJdbc.connect(settings, settings.jdbcUrl())) {
      boolean history = dumpsHistory(c);
      Map<String, String> invalid = MariaDbInvalidViews.find(c, address.database());
      Snapshot read = read(c, history);
      Map<String, String> manifest = new TreeMap<>(read.manifest());
      invalid.keySet().forEach(v -> manifest.remove("view " + v));
      if (!invalid.isEmpty()) {
        LOG.warn("the views {} of {} are invalid (they name a table, column or function that no"
            + " longer exists): mariadb-dump cannot dump them, so the backup holds their SQL as"
            + " comments only, and a restore will not create them", invalid.keySet(), address);
      }
      return new Before(history, read.floats(), manifest, invalid);
    } catch (SQLException e) {
      throw new BackupException("reading the column types of " + address + " failed ("
          + BoundedCall.describe(e) + "); no backup was made. " + advice, e);
    }
  }

  /**
   * Reads the database again once the dump is done.
   *
   * @return the manifest's comment lines, which the backup carries after the dump: what did not
   *     change between the two reads is what the dump holds
   * @throws BackupException when the FLOAT values changed while the dump ran
   */
  byte[] after(Before before) {
    Snapshot now;
    try (Connection c = AppJdbc.connect(settings, settings.jdbcUrl())) {
      now = read(c, before.history());
    } catch (SQLException e) {
      throw new BackupException("reading " + address + " again after its dump failed ("
          + BoundedCall.describe(e) + "); no backup was made", e);
    }
    requireUnchanged(before, now.floats());
    Map<String, String> after = new TreeMap<>(now.manifest());
    before.invalidViews().keySet().forEach(v -> after.remove("view " + v));
    return (MariaDbInvalidViews.lines(before.invalidViews())
        + MariaDbManifest.lines(MariaDbManifest.stable(before.manifest(), after)))
        .getBytes(StandardCharsets.UTF_8);
  }

  private void requireUnchanged(Before before, List<MariaDbFloats.Table> after) {
    for (int i = 0; i < before.floats().size(); i++) {
      MariaDbFloats.Table was = before.floats().get(i);
      if (i >= after.size() || !after.get(i).equals(was)) {
        throw new BackupException("table " + was.name() + " of " + address + " has FLOAT columns"
            + " (which mariadb-dump writes with 6 digits only, so thingyan keeps their exact values"
            + " beside the dump), and the app changed them while the backup ran: the exact values"
            + " could not be paired with the dump's rows, so no backup was made. Take the backup"
            + " again while the app does not write that table (raise the maintenance gate)");
      }
    }
  }

  private record Snapshot(List<MariaDbFloats.Table> floats, Map<String, String> manifest) {}

  private Snapshot read(Connection c, boolean history) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      s.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
      try {
        return new Snapshot(MariaDbFloats.read(c, address.database(), history),
            MariaDbManifest.take(c, address.database()));
      } finally {
        s.execute("COMMIT");
      }
    }
  }

  /** MariaDB 10.11 and later dump the history of system-versioned tables; MySQL has none. */
  private static boolean dumpsHistory(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT VERSION()")) {
      r.next();
      String version = r.getString(1);
      Matcher m = VERSION.matcher(version);
      if (!version.contains("MariaDB") || !m.find()) {
        return false;
      }
      int major = Integer.parseInt(m.group(1));
      int minor = Integer.parseInt(m.group(2));
      return major > 10 || (major == 10 && minor >= 11);
    }
  }

  /**
   * Writes {@code header} (or a trailer) compressed by {@code compressor} as a frame of its own: zstd and gzip
   * both read concatenated frames as one stream, so it comes out just where it was written.
   *
   * @return the compressed bytes written
   */
  static long writeCompressed(byte[] header, DumpCompressor compressor, OutputStream out) {
    if (header.length == 0) {
      return 0;
    }
    Path file = null;
    try {
      file = Files.createTempFile("thingyan-floats-", ".sql");
      Files.write(file, header);
      Process p = new ProcessBuilder(compressor.command()).redirectInput(file.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      long written;
      try (InputStream in = p.getInputStream()) {
        written = in.transferTo(out);
      }
      if (p.waitFor() != 0) {
        throw new BackupException(compressor.name() + " failed on the exact FLOAT values (exit "
            + p.exitValue() + "); no backup was made");
      }
      return written;
    } catch (IOException e) {
      throw new BackupException("writing the exact FLOAT values failed (" + e.getMessage()
          + "); no backup was made", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackupException("interrupted while writing the exact FLOAT values", e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file of numbers, no secret: the system's cleaner takes it
        }
      }
    }
  }
}

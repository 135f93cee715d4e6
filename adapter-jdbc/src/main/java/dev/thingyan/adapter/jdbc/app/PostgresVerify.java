package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores an archive into a scratch database {@code thingyan_verify_<random>} on the app's server,
 * counts its tables and rows, and drops it whatever happened. The app's database is never touched.
 */
final class PostgresVerify {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresVerify.class);
  private static final List<String> RESTORE_ARGS =
      List.of("--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction");
  // relkind 'r': plain tables and partitions; a partitioned table ('p') holds no rows of its own,
  // counting it too would count its partitions' rows twice
  private static final String TABLES =
      "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c"
          + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r'"
          + " AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";

  private final PostgresClient client;
  private final ConnectionSettings settings;
  private final DatabaseAddress address;

  PostgresVerify(PostgresClient client, ConnectionSettings settings, DatabaseAddress address) {
    this.client = client;
    this.settings = settings;
    this.address = address;
  }

  String verify(InputStream in, ProgressSink progress) {
    String scratch = AppJdbc.scratchName("verify");
    admin("CREATE DATABASE " + scratch + " TEMPLATE template0 ENCODING 'UTF8'", "create");
    try {
      restoreInto(scratch, in, progress);
      return count(scratch);
    } finally {
      drop(scratch);
    }
  }

  private void restoreInto(String scratch, InputStream in, ProgressSink progress) {
    try (ChildProcess restore =
        client.connected("pg_restore", scratch, RESTORE_ARGS, Redirect.DISCARD)) {
      FutureTask<Long> feed = Pump.background("pg_restore-input", in, restore.stdin(), progress);
      int code = restore.waitFor();
      Throwable fed = Pump.failureOf(feed);
      if (fed != null && !(fed instanceof Pump.SinkFailed)) {
        throw new BackupException(
            "reading the backup failed ("
                + restore.redact(String.valueOf(fed.getMessage()))
                + ") while checking that it restores",
            fed);
      }
      if (code != 0) {
        throw new BackupException(restore.failure(code) + "; the backup does not restore");
      }
    }
  }

  private String count(String scratch) {
    try (Connection c = AppJdbc.connect(settings, address.jdbcUrl(scratch));
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(TABLES)) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      if (tables.isEmpty()) {
        throw new BackupException("the backup restores to a database without tables");
      }
      long rows = 0;
      for (String table : tables) {
        // ONLY: an inheritance parent's count would include its children's rows
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM ONLY " + table)) {
          rows += rs.next() ? rs.getLong(1) : 0;
        }
      }
      return tables.size() + " tables, " + rows + " rows";
    } catch (SQLException e) {
      throw new BackupException("the restored copy cannot be read: " + BoundedCall.describe(e), e);
    }
  }

  private void drop(String scratch) {
    try {
      // FORCE: a restore killed a moment ago may still hold a connection
      admin("DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)", "drop");
    } catch (BackupException e) {
      LOG.warn(
          "the scratch database {} is left over ({}); drop it by hand", scratch, e.getMessage());
    }
  }

  private void admin(String sql, String verb) {
    try (Connection c = AppJdbc.connect(settings, settings.jdbcUrl());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new BackupException(
          "could not "
              + verb
              + " the scratch database for checking the"
              + " backup on "
              + address.host()
              + ":"
              + address.port()
              + ": "
              + BoundedCall.describe(e)
              + "; the configured user needs CREATEDB",
          e);
    }
  }
}

package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Streams a dump into {@code mariadb} for one database and checks it all ran: the client exited 0,
 * and the dump ended with its {@code -- Dump completed} line (a dump cut at a statement boundary
 * runs without error, so the exit status alone cannot tell).
 */
final class MariaDbLoad {

  private final MariaDbClient client;

  MariaDbLoad(MariaDbClient client) {
    this.client = client;
  }

  /**
   * @throws BackupException naming {@code what} was loaded when anything is missing
   */
  void load(InputStream dump, String database, ProgressSink progress, String what) {
    try (ChildProcess load = client.load(database)) {
      OutputStream sql = load.stdin();
      MariaDbDumpFilter filter = new MariaDbDumpFilter(sql, true);
      long bytes;
      try {
        bytes = Pump.copy(dump, filter, progress);
      } catch (Pump.SinkFailed e) {
        throw clientStopped(load, what, e);
      } catch (IOException e) {
        load.kill();
        throw new BackupException(
            "reading " + what + " failed (" + load.redact(e.getMessage()) + ")", e);
      }
      try {
        filter.finish();
        sql.close();
      } catch (IOException e) {
        throw clientStopped(load, what, e);
      }
      int code = load.waitFor();
      if (code != 0) {
        throw new BackupException(load.failure(code) + " while loading " + what);
      }
      if (bytes == 0) {
        throw new BackupException(what + " is empty");
      }
      if (!filter.completed()) {
        throw new BackupException(
            what + " ends without the '-- Dump completed' line: it is truncated");
      }
    }
  }

  /** The client stopped reading: it ended, and its exit status and errors say why. */
  private static BackupException clientStopped(ChildProcess load, String what, IOException e) {
    return new BackupException(load.failure(load.waitFor()) + " while loading " + what, e);
  }
}

package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a MariaDB database's content with a dump. MariaDB cannot roll DDL back, so the dump is
 * first loaded into a scratch database {@code thingyan_restore_<random>}: a truncated or failing
 * dump stops there and the app's database is untouched. Only then is every event, routine, view,
 * sequence and table of the app's database dropped (so nothing a later migration added survives)
 * and the checked copy moved in: its tables renamed across with their rows ({@link MariaDbMove}),
 * its routines and events copied by {@code mariadb-dump} (no rows: a moment), its views and
 * triggers created again. If that second step fails, the scratch database is kept and the error
 * says what is where: triggers dropped for the move and not created again exist only in the
 * backup, and their SQL is logged. Before it starts, no other connection may hold the app's tables (an app idle in a
 * transaction would make the drops wait, and leave them half done): {@link MariaDbLocks}.
 */
final class MariaDbRestore {

  private static final Logger LOG = LoggerFactory.getLogger(MariaDbRestore.class);

  private final MariaDbClient client;
  private final ConnectionSettings settings;
  private final MariaDbObjects objects;
  private final MariaDbLocks locks;
  private final DatabaseAddress address;

  /**
   * @param lockWait how long a statement waits for another connection's lock on a table
   */
  MariaDbRestore(
      MariaDbClient client, ConnectionSettings settings, DatabaseAddress address, Duration lockWait) {
    this.client = client;
    this.settings = settings;
    this.objects = new MariaDbObjects(settings, lockWait);
    this.locks = new MariaDbLocks(settings, lockWait);
    this.address = address;
  }

  void restore(InputStream in, ProgressSink progress) {
    String target = address.database();
    String scratch = MariaDbScratch.create(objects, "restore", target, address);
    try {
      new MariaDbLoad(client).load(in, scratch, progress, "the backup");
    } catch (RuntimeException e) {
      // whatever failed (the dump, or the stream it is read from), the scratch copy goes
      MariaDbScratch.drop(objects, scratch);
      throw new BackupException(
          e.getMessage() + "; nothing was restored and " + address + " is as it was", e);
    }
    requireNotInUse(target, scratch);
    replace(target, scratch);
    MariaDbScratch.drop(objects, scratch);
    LOG.info("restored {} from a backup", address);
  }

  /** Refuses, with nothing changed, while another connection holds a table of {@code target}. */
  private void requireNotInUse(String target, String scratch) {
    Optional<String> holder;
    try {
      holder = locks.holder(target);
    } catch (SQLException e) {
      MariaDbScratch.drop(objects, scratch);
      throw new BackupException(
          "could not check that "
              + address
              + " is not in use ("
              + BoundedCall.describe(e)
              + "); nothing was restored and it is as it was",
          e);
    }
    if (holder.isPresent()) {
      MariaDbScratch.drop(objects, scratch);
      throw new BackupException(
          address
              + " is in use: "
              + holder.get()
              + " holds its tables (an open transaction) and did not let go within "
              + locks.lockWait().toSeconds()
              + " s; nothing was restored and "
              + address
              + " is as it was. Stop the app and its workers (queue workers, schedulers, anything"
              + " connected to the database), then restore again");
    }
  }

  private void replace(String target, String scratch) {
    MariaDbMove move = null;
    try {
      objects.dropAll(target);
      move = new MariaDbMove(settings, locks.lockWait(), scratch, target);
      move.moveTables();
      try (ChildProcess dump = client.dumpRoutinesAndEvents(scratch)) {
        dump.stdin().close();
        new MariaDbLoad(client).load(dump.stdout(), target, ProgressSink.NONE, "the routines and events");
        int code = dump.waitFor();
        if (code != 0) {
          throw new BackupException(dump.failure(code));
        }
      }
      move.finish();
    } catch (SQLException | IOException | BackupException e) {
      String why = e instanceof SQLException ? BoundedCall.describe(e) : e.getMessage();
      String where;
      if (move == null) {
        where =
            "No table was moved: the checked copy is whole in database "
                + scratch
                + " on the same server";
      } else {
        move.logLostTriggers();
        where = move.leftOver();
      }
      throw new BackupException(
          "replacing the content of "
              + address
              + " failed ("
              + why
              + "); it may be incomplete now. "
              + where
              + ". The backup itself is unchanged: fix the cause (if the app or"
              + " its workers still use the database, stop them) and restore again",
          e);
    }
  }
}

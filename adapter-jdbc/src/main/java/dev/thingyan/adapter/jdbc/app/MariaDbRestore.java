package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.RestoreRefusedException;
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
 * first loaded into a scratch database {@code thingyan_restore_<random>} and checked against the
 * backup's manifest ({@link MariaDbManifest}): a truncated, failing or different dump stops there
 * and the app's database is untouched. Then one {@code RENAME TABLE} swaps every table ({@link
 * MariaDbMove}): it takes every lock it needs before it changes anything, so an app still holding
 * a table makes it time out with nothing changed ({@link dev.thingyan.ports.out.RestoreRefusedException}).
 * Only after the swap is what the database held dropped (its old tables, events, routines, views),
 * the routines and events copied by {@code mariadb-dump} (no rows: a moment), the views and
 * triggers created again, and the manifest compared once more. If a step after the swap fails,
 * the scratch database is kept and the error says what is where: triggers not created again exist
 * only in the backup, and their SQL is logged.
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
    MariaDbDefiners definers = definers();
    String scratch = MariaDbScratch.create(objects, "restore", target, address);
    MariaDbLoad load = new MariaDbLoad(client, definers);
    try {
      load.load(in, scratch, progress, "the backup");
    } catch (RuntimeException e) {
      // whatever failed (the dump, or the stream it is read from), the scratch copy goes
      MariaDbScratch.drop(objects, scratch);
      throw new RestoreRefusedException(
          e.getMessage() + "; nothing was restored and " + address + " is as it was", e);
    }
    try {
      MariaDbManifest.require(settings, load.manifest(), scratch, "the backup does not load as it was taken");
    } catch (BackupException e) {
      MariaDbScratch.drop(objects, scratch);
      throw new RestoreRefusedException(e.getMessage() + "; nothing was restored and " + address
          + " is as it was. Choose another backup", e);
    }
    replace(target, scratch, definers);
    MariaDbScratch.drop(objects, scratch);
    MariaDbManifest.require(settings, load.manifest(), target, address + " was restored but does not hold what"
        + " the backup holds");
    if (!load.replacedDefiners().isEmpty()) {
      LOG.warn("restored {}, but the definers {} of its views, routines, triggers or events could"
          + " not be kept: {} may not set them (it needs SET USER or SUPER), so they are {} now and"
          + " run with its privileges", address, load.replacedDefiners(), definers.self(),
          definers.self());
    }
    LOG.info("restored {} from a backup", address);
  }

  private MariaDbDefiners definers() {
    try (var c = AppJdbc.connect(settings, settings.jdbcUrl())) {
      return MariaDbDefiners.of(c);
    } catch (SQLException e) {
      throw new RestoreRefusedException("could not read what " + address + "'s account may do ("
          + BoundedCall.describe(e) + "); nothing was restored and it is as it was", e);
    }
  }

  /**
   * The swap failed and renamed nothing: the scratch copy goes, and the message says why, naming
   * who holds the tables when the lock wait ran out.
   */
  private RestoreRefusedException notSwapped(String scratch, SQLException e) {
    MariaDbScratch.drop(objects, scratch);
    if (MariaDbLocks.timedOut(e)) {
      return new RestoreRefusedException(address + " is in use: " + locks.users(address.database())
          + " holds its tables (an open transaction) and did not let go within "
          + locks.lockWait().toSeconds() + " s; nothing was restored and " + address
          + " is as it was. Stop the app and its workers (queue workers, schedulers, anything"
          + " connected to the database), then restore again", e);
    }
    return new RestoreRefusedException("moving the restored tables into " + address + " failed ("
        + BoundedCall.describe(e) + "); nothing was restored and " + address + " is as it was", e);
  }

  private void replace(String target, String scratch, MariaDbDefiners definers) {
    MariaDbMove move = new MariaDbMove(settings, locks.lockWait(), scratch, target);
    try {
      move.moveTables();
    } catch (SQLException e) {
      throw notSwapped(scratch, e);
    }
    try {
      objects.dropAllBut(target, move.movedTables());
      try (ChildProcess dump = client.dumpRoutinesAndEvents(scratch)) {
        dump.stdin().close();
        new MariaDbLoad(client, definers)
            .load(dump.stdout(), target, ProgressSink.NONE, "the routines and events");
        int code = dump.waitFor();
        if (code != 0) {
          throw new BackupException(dump.failure(code));
        }
      }
      move.finish();
    } catch (SQLException | IOException | BackupException e) {
      String why = e instanceof SQLException ? BoundedCall.describe(e) : e.getMessage();
      move.logLostTriggers();
      throw new BackupException("the backup's tables were swapped into " + address + ", but"
          + " completing the restore failed (" + why + "), so it is incomplete now: "
          + move.leftOver() + ". The backup itself is unchanged: fix the cause and restore again",
          e);
    }
  }
}

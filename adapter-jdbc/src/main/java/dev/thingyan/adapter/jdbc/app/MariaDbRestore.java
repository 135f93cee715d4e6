package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a MariaDB database's content with a dump. MariaDB cannot roll DDL back, so the dump is
 * first loaded into a scratch database {@code thingyan_restore_<random>}: a truncated or failing
 * dump stops there and the app's database is untouched. Only then is every event, routine, view,
 * sequence and table of the app's database dropped (so nothing a later migration added survives)
 * and the scratch copy dumped into it, server-side and already proven to load. Tables cannot simply
 * be renamed across: MariaDB refuses that for tables with triggers, and views, routines and events
 * do not move at all. If that second step fails, the scratch database is kept and named in the
 * error: it holds the backup's whole content.
 */
final class MariaDbRestore {

  private static final Logger LOG = LoggerFactory.getLogger(MariaDbRestore.class);

  private final MariaDbClient client;
  private final MariaDbObjects objects;
  private final DatabaseAddress address;

  MariaDbRestore(MariaDbClient client, MariaDbObjects objects, DatabaseAddress address) {
    this.client = client;
    this.objects = objects;
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
    replace(target, scratch);
    MariaDbScratch.drop(objects, scratch);
    LOG.info("restored {} from a backup", address);
  }

  private void replace(String target, String scratch) {
    try {
      objects.dropAll(target);
      try (ChildProcess dump = client.dump(scratch)) {
        dump.stdin().close();
        new MariaDbLoad(client).load(dump.stdout(), target, ProgressSink.NONE, "the checked copy");
        int code = dump.waitFor();
        if (code != 0) {
          throw new BackupException(dump.failure(code));
        }
      }
    } catch (SQLException | IOException | BackupException e) {
      String why = e instanceof SQLException ? BoundedCall.describe(e) : e.getMessage();
      throw new BackupException(
          "replacing the content of "
              + address
              + " failed ("
              + why
              + "); it may be incomplete now. The backup's whole content is in database "
              + scratch
              + " on the same server: fix the cause and restore again",
          e);
    }
  }
}

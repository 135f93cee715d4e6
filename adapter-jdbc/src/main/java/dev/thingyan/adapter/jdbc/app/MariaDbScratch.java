package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.out.BackupException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scratch databases {@code thingyan_<purpose>_<random>} beside the app's, for checks and restores.
 */
final class MariaDbScratch {

  private static final Logger LOG = LoggerFactory.getLogger(MariaDbScratch.class);

  private MariaDbScratch() {}

  static String create(
      MariaDbObjects objects, String purpose, String like, DatabaseAddress address) {
    String name = AppJdbc.scratchName(purpose);
    try {
      objects.createDatabase(name, like);
      return name;
    } catch (SQLException e) {
      throw new BackupException(
          "could not create the scratch database "
              + name
              + " on "
              + address.host()
              + ":"
              + address.port()
              + " ("
              + BoundedCall.describe(e)
              + "); the configured user needs ALL on `thingyan\\_%`.* as well as on its own"
              + " database; nothing was changed",
          e);
    }
  }

  static void drop(MariaDbObjects objects, String name) {
    try {
      objects.dropDatabase(name);
    } catch (SQLException e) {
      LOG.warn(
          "the scratch database {} is left over ({}); drop it by hand",
          name,
          BoundedCall.describe(e));
    }
  }
}

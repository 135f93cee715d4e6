package dev.thingyan.ports.out;

import dev.thingyan.ports.model.AccessCheckResult;

/**
 * Whether the app database's configured user may do everything a backup AND a restore of it do
 * (a restore is what a rollback needs, when it is too late to find a privilege missing). Checked
 * before an update; proven by doing where that is cheap and leaves nothing behind (a scratch
 * database created and dropped), read from the server's privilege tables otherwise.
 */
public interface DatabaseAccess {

  /** Never throws for a missing privilege: that is a result, with the GRANT statements to run. */
  AccessCheckResult check();

  /** For a setup that cannot be checked: always passes, saying so. */
  static DatabaseAccess unchecked(String why) {
    return () -> AccessCheckResult.ok("not checked: " + why);
  }
}

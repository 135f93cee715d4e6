package dev.thingyan.ports.in;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.BackupRecord;
import java.util.List;
import java.util.function.LongConsumer;

/** Manual backups, restores and checks, and the list of stored backups. */
public interface BackupDatabase {

  /**
   * Takes a manual backup now.
   *
   * @param progress told the bytes dumped so far, every few megabytes
   * @throws dev.thingyan.ports.out.BackupException when it failed (nothing is kept)
   * @throws RunRefusedException when a run is active
   */
  BackupRecord backup(Actor actor, LongConsumer progress);

  /**
   * Replaces the database's content with a backup's, after checking its checksum and taking a
   * safety backup of the database as it is (so nothing written since is lost). The app is behind
   * the maintenance gate meanwhile.
   *
   * @return the safety backup taken first
   * @throws IllegalArgumentException when no backup has this id
   * @throws RunRefusedException when a run is active
   */
  BackupRecord restore(Actor actor, String backupId, LongConsumer progress);

  /**
   * Checks a backup without touching the app's database: its stored checksum, then a test restore
   * into a scratch database.
   *
   * @return what the test restore found, e.g. {@code 12 tables, 3410 rows}
   * @throws dev.thingyan.ports.out.BackupException when the backup is damaged or does not restore
   */
  String verify(Actor actor, String backupId);

  /** @return stored backups, newest first */
  List<BackupRecord> list();
}

package dev.thingyan.ports.in;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.BackupRecord;
import java.util.List;

/** Manual backups and the list of stored backups. */
public interface BackupDatabase {

  /** Takes a manual backup now. @throws dev.thingyan.ports.out.BackupException when it failed */
  BackupRecord backup(Actor actor);

  /** @return stored backups, newest first */
  List<BackupRecord> list();
}

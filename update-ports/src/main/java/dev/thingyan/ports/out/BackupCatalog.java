package dev.thingyan.ports.out;

import dev.thingyan.ports.model.BackupRecord;
import java.util.List;
import java.util.Optional;

/** The metadata of stored backups, kept in the journal database. */
public interface BackupCatalog {

  /** Records a backup that is stored and verified. */
  void add(BackupRecord backup);

  /** @return every recorded backup, newest first. */
  List<BackupRecord> list();

  Optional<BackupRecord> find(String backupId);

  /** Forgets a backup (after its object was deleted from the store). */
  void remove(String backupId);
}

package dev.thingyan.domain.backup;

import dev.thingyan.ports.model.BackupRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which backups may go: everything beyond the newest {@code keep}, except the protected ones (the
 * backup an admin would restore to go back to the last known good release).
 */
public final class BackupRetention {

  private BackupRetention() {}

  /** @return the backups to delete, oldest first */
  public static List<BackupRecord> toDelete(List<BackupRecord> all, int keep, Set<String> protectedIds) {
    if (keep < 3) {
      throw new IllegalArgumentException("keep must be at least 3");
    }
    List<BackupRecord> newestFirst = new ArrayList<>(all);
    newestFirst.sort(Comparator.comparing(BackupRecord::createdAt).reversed());
    List<BackupRecord> out = new ArrayList<>();
    for (int i = keep; i < newestFirst.size(); i++) {
      BackupRecord b = newestFirst.get(i);
      if (!protectedIds.contains(b.backupId())) {
        out.add(0, b);
      }
    }
    return out;
  }
}

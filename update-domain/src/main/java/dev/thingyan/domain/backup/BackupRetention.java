package dev.thingyan.domain.backup;

import dev.thingyan.ports.model.BackupKind;
import dev.thingyan.ports.model.BackupRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which backups may go. Regular backups (pre-update, manual, scheduled) and safety backups each
 * have their own slots, so restores never push regular backups out: of the regular ones the newest
 * {@code keep} stay; of the safety ones the newest {@code keep} stay, and any younger than
 * {@value #SAFETY_KEEP_DAYS} days. The protected ones (the backup an admin would restore to go
 * back to the last known good release, the one just taken) always stay.
 *
 * <p>A safety backup is the database as it was right before a restore replaced it: the rows
 * written since the restored backup (bookings taken during a failed update) exist nowhere else,
 * so it stays for a month whatever the count, long enough for an admin to take them back. Restores
 * are rare, so these few stay bounded; once more than {@code keep} of them are older than a month,
 * the oldest go.
 */
public final class BackupRetention {

  /** How long a safety backup is kept whatever the count. */
  public static final int SAFETY_KEEP_DAYS = 30;

  private BackupRetention() {}

  /** @return the backups to delete, oldest first */
  public static List<BackupRecord> toDelete(List<BackupRecord> all, int keep, Set<String> protectedIds,
      Instant now) {
    if (keep < 3) {
      throw new IllegalArgumentException("keep must be at least 3");
    }
    Instant safetyUntil = now.minus(Duration.ofDays(SAFETY_KEEP_DAYS));
    List<BackupRecord> newestFirst = new ArrayList<>(all);
    newestFirst.sort(Comparator.comparing(BackupRecord::createdAt).reversed());
    List<BackupRecord> out = new ArrayList<>();
    int regular = 0;
    int safety = 0;
    for (BackupRecord b : newestFirst) {
      boolean isSafety = b.kind() == BackupKind.SAFETY;
      int slot = isSafety ? safety++ : regular++;
      boolean kept = slot < keep || (isSafety && b.createdAt().isAfter(safetyUntil))
          || protectedIds.contains(b.backupId());
      if (!kept) {
        out.add(0, b);
      }
    }
    return out;
  }
}

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
 * Which backups may go: everything beyond the newest {@code keep}, except the protected ones (the
 * backup an admin would restore to go back to the last known good release, the one just taken)
 * and the safety backups of the last {@value #SAFETY_KEEP_DAYS} days.
 *
 * <p>A safety backup is the database as it was right before a restore replaced it: the rows
 * written since the restored backup (bookings taken during a failed update) exist nowhere else,
 * so it stays for a month whatever the count, long enough for an admin to take them back. Restores
 * are rare, so these few stay bounded.
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
    for (int i = keep; i < newestFirst.size(); i++) {
      BackupRecord b = newestFirst.get(i);
      boolean recentSafety = b.kind() == BackupKind.SAFETY && b.createdAt().isAfter(safetyUntil);
      if (!protectedIds.contains(b.backupId()) && !recentSafety) {
        out.add(0, b);
      }
    }
    return out;
  }
}

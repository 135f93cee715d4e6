package dev.thingyan.bootstrap.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code backup} section.
 *
 * @param store {@code backup.store}: {@code local}
 * @param localPath {@code backup.local.path}: the folder local backups are written to
 * @param keep {@code backup.keep}: backups kept, at least 3 (the spec's minimum)
 */
public record BackupConfig(String store, Path localPath, int keep) {
  /** The spec: "Keep last 3 backups minimum". */
  public static final int MIN_KEEP = 3;

  public BackupConfig {
    Objects.requireNonNull(store, "backup.store");
    Objects.requireNonNull(localPath, "backup.local.path");
    if (!store.equals("local")) {
      throw new IllegalArgumentException("backup.store: '" + store
          + "' is not supported; expected local");
    }
    if (keep < MIN_KEEP) {
      throw new IllegalArgumentException("backup.keep: " + keep + " is too few; keep at least "
          + MIN_KEEP + " backups (the spec's minimum)");
    }
  }
}

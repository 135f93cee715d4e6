package dev.thingyan.bootstrap.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code backup} section.
 *
 * @param store {@code backup.store}: {@code local} or {@code s3}
 * @param localPath {@code backup.local.path}: the folder local backups are written to
 * @param keep {@code backup.keep}: backups kept, at least 3 (the newest, the one before it, and one older in case both are damaged)
 * @param s3 {@code backup.s3.*}, present when the store is {@code s3}
 * @param keysetFile {@code backup.encryption.keyset_file}: a Tink streaming-AEAD keyset; when set,
 *     backups are encrypted at rest
 * @param timeout {@code backup.timeout}: how long one dump may take before its tools are stopped
 *     and the backup fails (default 2h: a stalled database or a dump waiting on a lock must end
 *     in backup_failed, not hold an update and its locks forever)
 */
public record BackupConfig(String store, Path localPath, int keep, Optional<S3> s3, Optional<Path> keysetFile,
    Duration timeout) {
  /** The spec: "Keep last 3 backups minimum". */
  public static final int MIN_KEEP = 3;

  /** {@code backup.timeout} when not configured. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(2);

  public BackupConfig {
    Objects.requireNonNull(store, "backup.store");
    Objects.requireNonNull(localPath, "backup.local.path");
    Objects.requireNonNull(s3, "backup.s3");
    Objects.requireNonNull(keysetFile, "backup.encryption.keyset_file");
    Objects.requireNonNull(timeout, "backup.timeout");
    if (!store.equals("local") && !store.equals("s3")) {
      throw new IllegalArgumentException("backup.store: '" + store + "' is not supported; expected local or s3");
    }
    if (store.equals("s3") && s3.isEmpty()) {
      throw new IllegalArgumentException("backup.s3: missing; give endpoint, bucket and the credentials");
    }
    if (keep < MIN_KEEP) {
      throw new IllegalArgumentException("backup.keep: " + keep + " is too few; keep at least "
          + MIN_KEEP + " backups, so that a damaged or unwanted newest backup still leaves two"
          + " older ones to restore from");
    }
  }

  /**
   * {@code backup.s3.*}: an S3-compatible bucket. The credentials come from
   * {@code access_key_id} and {@code secret_access_key_file}, or else from the environment
   * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}).
   */
  public record S3(URI endpoint, String region, String bucket, String prefix, String accessKeyId,
      Secret secretAccessKey, boolean pathStyle, long partSizeBytes) {
    public S3 {
      Objects.requireNonNull(endpoint, "backup.s3.endpoint");
      Objects.requireNonNull(region, "backup.s3.region");
      Objects.requireNonNull(bucket, "backup.s3.bucket");
      Objects.requireNonNull(prefix, "backup.s3.prefix");
      Objects.requireNonNull(accessKeyId, "backup.s3.access_key_id");
      Objects.requireNonNull(secretAccessKey, "backup.s3.secret_access_key_file");
      if (partSizeBytes < (5L << 20)) {
        throw new IllegalArgumentException("backup.s3.part_size: at least 5MiB (S3's smallest multipart part)");
      }
    }
  }
}

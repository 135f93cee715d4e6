package dev.thingyan.adapter.storage.backup;

import java.util.Optional;

/**
 * How backup keys map to S3 object keys: {@code <prefix><key>}, where the key is a plain file name
 * ({@link BackupKeys}) and the prefix, if any, ends with a slash. Objects below the prefix that are
 * not plain backup keys (a nested "folder", a hidden name) are not this store's.
 */
final class S3Keys {

  private S3Keys() {}

  /** @return {@code prefix} with one trailing slash, or empty */
  static String normalizePrefix(String prefix) {
    String p = prefix.strip();
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty()) {
      return "";
    }
    if (p.startsWith("/") || p.contains("//") || p.contains("..") || p.contains("\\")
        || p.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || p.length() > 500) {
      throw new IllegalArgumentException("prefix '" + p.replaceAll("\\p{Cntrl}", "?")
          + "' must be a relative path like pms/backups, without '..', '//' or control characters");
    }
    return p + "/";
  }

  /** @throws IllegalArgumentException when {@code key} is not a plain file name */
  static String objectKey(String prefix, String key) {
    return prefix + BackupKeys.validate(key);
  }

  /** @return the backup key of an object listed under {@code prefix}, if it is one of ours */
  static Optional<String> backupKey(String prefix, String objectKey) {
    if (!objectKey.startsWith(prefix)) {
      return Optional.empty();
    }
    String key = objectKey.substring(prefix.length());
    try {
      return Optional.of(BackupKeys.validate(key));
    } catch (IllegalArgumentException notOurs) {
      return Optional.empty();
    }
  }
}

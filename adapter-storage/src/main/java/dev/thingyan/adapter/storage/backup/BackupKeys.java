package dev.thingyan.adapter.storage.backup;

import java.util.Objects;

/**
 * The keys a local backup store accepts: plain file names, so that a key can never reach outside
 * the store's folder nor be mistaken for one of its hidden partial files.
 */
final class BackupKeys {

  static final int MAX_LENGTH = 200;

  private BackupKeys() {}

  /** @throws IllegalArgumentException saying what is wrong with the key */
  static String validate(String key) {
    Objects.requireNonNull(key, "key");
    String problem = problem(key);
    if (problem != null) {
      throw new IllegalArgumentException("backup key '" + printable(key) + "' " + problem);
    }
    return key;
  }

  private static String problem(String key) {
    if (key.isEmpty() || key.length() > MAX_LENGTH) {
      return "must be 1.." + MAX_LENGTH + " characters";
    }
    if (key.contains("/") || key.contains("\\")) {
      return "must not contain a slash";
    }
    if (key.startsWith(".")) {
      return "must not start with a dot (hidden and partial files start with one)";
    }
    if (key.contains("..")) {
      return "must not contain '..'";
    }
    if (key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return "must not contain control characters";
    }
    return null;
  }

  private static String printable(String key) {
    String shown = key.length() > 60 ? key.substring(0, 60) + "…" : key;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}

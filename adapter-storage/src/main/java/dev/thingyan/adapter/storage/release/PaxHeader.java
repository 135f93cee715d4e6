package dev.thingyan.adapter.storage.release;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The records of a PAX extended header ({@code "<length> <key>=<value>\n"}), parsed strictly:
 * a record whose length does not match, a key given twice (readers differ on which wins), a
 * sparse-file key or an unknown key that could change how the data is read is refused, naming it.
 */
final class PaxHeader {
  /** Keys that describe the entry without changing its name, size or content. */
  private static final Set<String> HARMLESS = Set.of("mtime", "atime", "ctime", "uid", "gid",
      "uname", "gname", "comment", "SCHILY.fflags", "SCHILY.dev", "SCHILY.ino", "SCHILY.nlink",
      "LIBARCHIVE.creationtime");
  /** Keys an entry's own header may carry; a global header may carry none of them. */
  private static final Set<String> LOCAL = Set.of("path", "linkpath", "size");
  private static final String UTF8_CHARSET = "ISO-IR 10646 2000 UTF-8";

  private PaxHeader() {}

  /** @return the records; {@code global} headers apply to all later entries. */
  static Map<String, String> parse(byte[] data, boolean global, long offset) {
    Map<String, String> records = new LinkedHashMap<>();
    int i = 0;
    while (i < data.length) {
      int space = indexOf(data, (byte) ' ', i);
      int length = space < 0 ? -1 : decimal(data, i, space);
      if (length <= 0 || i + length > data.length || data[i + length - 1] != '\n') {
        throw TarHeader.refuse(offset, "has a PAX record whose length does not match its text");
      }
      String record = TarHeader.utf8(Arrays.copyOfRange(data, space + 1, i + length - 1), offset);
      int eq = record.indexOf('=');
      if (eq <= 0) {
        throw TarHeader.refuse(offset, "has a PAX record without a key");
      }
      String key = record.substring(0, eq);
      allow(key, record.substring(eq + 1), global, offset);
      if (records.put(key, record.substring(eq + 1)) != null) {
        throw TarHeader.refuse(offset, "gives the PAX key '" + Refusals.printable(key) + "' twice");
      }
      i += length;
    }
    return records;
  }

  private static void allow(String key, String value, boolean global, long offset) {
    if (HARMLESS.contains(key) || key.startsWith("SCHILY.xattr.")
        || key.startsWith("LIBARCHIVE.xattr.") || (!global && LOCAL.contains(key))) {
      return;
    }
    if ((key.equals("hdrcharset") || key.equals("charset")) && value.equals(UTF8_CHARSET)) {
      return;
    }
    throw TarHeader.refuse(offset, "has the PAX key '" + Refusals.printable(key) + "'"
        + (global ? " in a global header" : "") + ", which could change how the entries are read"
        + (key.startsWith("GNU.sparse") ? " (a sparse file)" : ""));
  }

  private static int indexOf(byte[] data, byte b, int from) {
    for (int i = from; i < data.length && i < from + 10; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int decimal(byte[] data, int from, int to) {
    if (to == from || (data[from] == '0')) {
      return -1;
    }
    String digits = new String(data, from, to - from, StandardCharsets.US_ASCII);
    return digits.chars().allMatch(Character::isDigit) ? Integer.parseInt(digits) : -1;
  }
}

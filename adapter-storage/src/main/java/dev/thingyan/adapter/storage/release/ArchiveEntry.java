package dev.thingyan.adapter.storage.release;

import java.util.Objects;

/**
 * One entry of a tar or zip archive, as both formats can express it.
 *
 * @param linkTarget the target of a symbolic or hard link, empty for other kinds
 * @param mode Unix permission bits as the archive recorded them (0 when it recorded none)
 * @param declaredSize the size the header claims; only a hint, the bytes read are what count
 * @param special for {@link Kind#SPECIAL}: what it is, e.g. {@code character device}
 */
record ArchiveEntry(String name, Kind kind, String linkTarget, int mode, long declaredSize,
    String special) {
  ArchiveEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(linkTarget, "linkTarget");
    Objects.requireNonNull(special, "special");
  }

  static ArchiveEntry of(String name, Kind kind, String linkTarget, int mode, long declaredSize) {
    return new ArchiveEntry(name, kind, linkTarget, mode, declaredSize, "");
  }

  static ArchiveEntry special(String name, String what) {
    return new ArchiveEntry(name, Kind.SPECIAL, "", 0, 0, what);
  }

  /** @return true when any execute bit is set. */
  boolean executable() {
    return (mode & 0111) != 0;
  }

  /** What an entry is. */
  enum Kind {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARDLINK,
    /** A device, FIFO, socket or a type we do not know: never extracted. */
    SPECIAL
  }
}

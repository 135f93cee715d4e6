package dev.thingyan.adapter.storage.release;

import dev.thingyan.ports.out.UnsafeArchiveException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One 512-byte tar header, read the way GNU tar and Python's tarfile both read it, or refused
 * where they would differ: a bad checksum, a header that is neither POSIX ustar nor GNU, a number
 * field that is not plain octal, a GNU header with data in the ustar prefix field (GNU tar ignores
 * it, Python joins it to the name), a name that is not UTF-8.
 *
 * @param nameBytes the name as stored (prefix joined for ustar), for comparing with a long name
 */
record TarHeader(String name, byte[] nameBytes, String linkName, byte[] linkBytes, int mode,
    long size, char type) {
  static final int BLOCK = 512;
  private static final byte[] POSIX_MAGIC = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GNU_MAGIC = "ustar  \u0000".getBytes(StandardCharsets.US_ASCII);

  /** @return the header in {@code block}, found at byte {@code offset} of the archive. */
  static TarHeader parse(byte[] block, long offset) {
    checkChecksum(block, offset);
    boolean posix = Arrays.equals(block, 257, 265, POSIX_MAGIC, 0, 8);
    boolean gnu = Arrays.equals(block, 257, 265, GNU_MAGIC, 0, 8);
    if (!posix && !gnu) {
      throw refuse(offset, "is neither a POSIX (ustar) nor a GNU tar header");
    }
    byte[] name = field(block, 0, 100);
    if (posix) {
      byte[] prefix = field(block, 345, 155);
      if (prefix.length > 0) {
        name = join(prefix, name);
      }
    } else if (!zero(block, 345, 500)) {
      throw refuse(offset, "is a GNU header with data in its prefix field, which tar readers "
          + "disagree about");
    }
    byte[] link = field(block, 157, 100);
    return new TarHeader(utf8(name, offset), name, utf8(link, offset), link,
        (int) octal(block, 100, 8, offset, "mode"), octal(block, 124, 12, offset, "size"),
        (char) (block[156] & 0xff));
  }

  /** @return true when every byte of the block is zero: an end-of-archive block. */
  static boolean zero(byte[] block, int from, int to) {
    for (int i = from; i < to; i++) {
      if (block[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** @return the bytes up to the first NUL, as every reader takes them. */
  static byte[] field(byte[] block, int from, int length) {
    int end = from;
    while (end < from + length && block[end] != 0) {
      end++;
    }
    return Arrays.copyOfRange(block, from, end);
  }

  /** @return the bytes as strict UTF-8; a name in another encoding is refused, not guessed. */
  static String utf8(byte[] bytes, long offset) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw refuse(offset, "holds a name that is not UTF-8");
    }
  }

  static UnsafeArchiveException refuse(long offset, String rule) {
    return new UnsafeArchiveException("the tar header at byte " + offset + " " + rule);
  }

  private static byte[] join(byte[] prefix, byte[] name) {
    byte[] joined = Arrays.copyOf(prefix, prefix.length + 1 + name.length);
    joined[prefix.length] = '/';
    System.arraycopy(name, 0, joined, prefix.length + 1, name.length);
    return joined;
  }

  /** Plain octal, optionally space-padded and ended by a space or NUL; base-256 is refused. */
  private static long octal(byte[] block, int from, int length, long offset, String what) {
    int i = from;
    int end = from + length;
    while (i < end && block[i] == ' ') {
      i++;
    }
    long value = 0;
    int digits = 0;
    for (; i < end && block[i] >= '0' && block[i] <= '7'; i++, digits++) {
      value = value * 8 + (block[i] - '0');
    }
    for (; i < end; i++) {
      if (block[i] != ' ' && block[i] != 0) {
        throw refuse(offset, "has a " + what + " field that is not an octal number");
      }
    }
    if (digits == 0 && !zero(block, from, end) && block[from] != ' ') {
      throw refuse(offset, "has an empty " + what + " field");
    }
    return value;
  }

  /** GNU tar accepts the sum of the bytes as unsigned or as signed; so do we, nothing else. */
  private static void checkChecksum(byte[] block, long offset) {
    long stored = octal(block, 148, 8, offset, "checksum");
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < BLOCK; i++) {
      int b = (i >= 148 && i < 156) ? ' ' : block[i];
      unsigned += b & 0xff;
      signed += b;
    }
    if (stored != unsigned && stored != signed) {
      throw refuse(offset, "has a wrong checksum: the archive is damaged or not a tar");
    }
  }
}

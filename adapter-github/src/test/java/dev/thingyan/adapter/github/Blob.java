package dev.thingyan.adapter.github;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * Deterministic generated content of any size, readable from any offset without holding it: byte
 * i is a 64 KiB random block's byte (i mod 64 Ki) mixed with the block number.
 */
final class Blob {
  private static final int BLOCK = 64 * 1024;
  private final byte[] block = new byte[BLOCK];
  private final long size;

  Blob(long size, long seed) {
    this.size = size;
    new Random(seed).nextBytes(block);
  }

  long size() {
    return size;
  }

  byte at(long i) {
    return (byte) (block[(int) (i % BLOCK)] ^ (i / BLOCK));
  }

  /** The bytes from {@code from} to the end. */
  InputStream from(long from) {
    return new InputStream() {
      private long pos = from;

      @Override
      public int read() {
        return pos < size ? at(pos++) & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= size) {
          return -1;
        }
        int n = (int) Math.min(len, size - pos);
        for (int k = 0; k < n; k++) {
          b[off + k] = at(pos++);
        }
        return n;
      }
    };
  }

  String sha256() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[BLOCK];
      try (InputStream in = from(0)) {
        int n;
        while ((n = in.read(buf)) != -1) {
          sha.update(buf, 0, n);
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

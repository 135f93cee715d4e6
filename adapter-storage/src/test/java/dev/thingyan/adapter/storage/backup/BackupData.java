package dev.thingyan.adapter.storage.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Generates dump-like data on the fly and hashes streams, so round trips never hold it all. */
final class BackupData {

  private BackupData() {}

  /** Writes {@code bytes} of SQL-like lines (compressible, not trivially) and returns their SHA-256. */
  static String writeDump(OutputStream out, long bytes) throws IOException {
    MessageDigest sha = sha256();
    Random random = new Random(7);
    byte[] chunk = new byte[64 * 1024];
    long left = bytes;
    while (left > 0) {
      int n = (int) Math.min(chunk.length, left);
      fill(chunk, n, random);
      sha.update(chunk, 0, n);
      out.write(chunk, 0, n);
      left -= n;
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void fill(byte[] chunk, int n, Random random) {
    int at = 0;
    while (at < n) {
      byte[] line = ("INSERT INTO bookings VALUES (" + random.nextInt(1_000_000) + ", 'room "
          + random.nextInt(300) + "', " + random.nextLong() + ");\n").getBytes(StandardCharsets.US_ASCII);
      int take = Math.min(line.length, n - at);
      System.arraycopy(line, 0, chunk, at, take);
      at += take;
    }
  }

  /** @return the SHA-256 and the byte count of everything {@code in} yields */
  static Digest digest(InputStream in) throws IOException {
    MessageDigest sha = sha256();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      sha.update(buffer, 0, n);
      total += n;
    }
    return new Digest(HexFormat.of().formatHex(sha.digest()), total);
  }

  record Digest(String sha256Hex, long size) {}

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.thingyan.domain.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and hashes (SHA-256) the bytes on their way to the store. It never closes the stream
 * below: the store's upload commits or aborts it.
 */
final class HashingOutputStream extends FilterOutputStream {

  private final MessageDigest digest;
  private long count;

  HashingOutputStream(OutputStream out) {
    super(out);
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    digest.update((byte) b);
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    digest.update(b, off, len);
    count += len;
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }

  long count() {
    return count;
  }

  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }
}

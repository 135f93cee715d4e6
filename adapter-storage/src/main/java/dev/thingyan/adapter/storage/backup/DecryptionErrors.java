package dev.thingyan.adapter.storage.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * A decrypting stream that fails early and clearly: opening it reads the first plaintext byte, so
 * a wrong key is reported by the decoder rather than deep inside a restore, and a later failure
 * (a segment that does not authenticate) says that the backup is damaged, not just "IOException".
 */
final class DecryptionErrors extends FilterInputStream {

  private DecryptionErrors(InputStream in) {
    super(in);
  }

  /** @throws IOException when the stream cannot be decrypted with the configured keyset */
  static InputStream open(InputStream decrypting) throws IOException {
    PushbackInputStream in = new PushbackInputStream(decrypting, 1);
    int first = in.read();
    if (first >= 0) {
      in.unread(first);
    }
    return new DecryptionErrors(in);
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (IOException e) {
      throw damaged(e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return super.read(b, off, len);
    } catch (IOException e) {
      throw damaged(e);
    }
  }

  private static IOException damaged(IOException e) {
    return new IOException("The encrypted backup is damaged or truncated: a part of it does not "
        + "authenticate (" + e.getMessage() + "). Restore another backup.", e);
  }
}

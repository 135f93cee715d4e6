package dev.thingyan.adapter.storage.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stream an S3 upload hands out: it holds at most one part in memory and passes each full part
 * to the upload as it fills, hashing the whole object on the way. Closing it only marks it closed
 * (a codec closes the stream it encodes into; the upload commits after that). A failed part upload
 * is remembered so that the object can never be committed without it.
 */
final class S3PartStream extends OutputStream {

  /** Receives each full part; the buffer is reused once it returns. */
  interface PartSink {
    void upload(byte[] part, int length) throws IOException;
  }

  private final byte[] buffer;
  private final PartSink sink;
  private final MessageDigest sha256 = sha256();
  private int buffered;
  private int highWater;
  private long total;
  private boolean closed;
  private boolean failed;

  S3PartStream(int partSize, PartSink sink) {
    this.buffer = new byte[partSize];
    this.sink = sink;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("the backup stream is closed");
    }
    if (failed) {
      throw new IOException("an earlier part of this backup failed to upload");
    }
    while (len > 0) {
      int n = Math.min(len, buffer.length - buffered);
      System.arraycopy(b, off, buffer, buffered, n);
      sha256.update(b, off, n);
      buffered += n;
      total += n;
      highWater = Math.max(highWater, buffered);
      off += n;
      len -= n;
      if (buffered == buffer.length) {
        uploadBuffered();
      }
    }
  }

  private void uploadBuffered() throws IOException {
    try {
      sink.upload(buffer, buffered);
      buffered = 0;
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  /** The bytes written but not yet passed on: the last part, at commit. */
  byte[] buffer() {
    return buffer;
  }

  int buffered() {
    return buffered;
  }

  /** @return the most bytes this stream ever held at once (never more than one part) */
  int highWater() {
    return highWater;
  }

  long total() {
    return total;
  }

  boolean failed() {
    return failed;
  }

  /** @return the SHA-256 of everything written; call once, at commit */
  String sha256Hex() {
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}

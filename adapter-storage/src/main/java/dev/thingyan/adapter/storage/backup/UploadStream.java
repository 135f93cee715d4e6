package dev.thingyan.adapter.storage.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * The stream an upload hands out. Closing it only flushes: a codec closes the stream it encodes
 * into when it finishes, and the upload must still be able to fsync and commit after that. A
 * failed write is remembered so that a truncated object can never be committed.
 */
final class UploadStream extends OutputStream {

  private final OutputStream out;
  private boolean closed;
  private boolean failed;

  UploadStream(FileChannel channel) {
    this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
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
    try {
      out.write(b, off, len);
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      flush();
      closed = true;
    }
  }

  boolean failed() {
    return failed;
  }

  void closeQuietly() {
    closed = true;
  }
}

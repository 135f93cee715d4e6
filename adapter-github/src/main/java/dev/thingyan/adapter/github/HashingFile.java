package dev.thingyan.adapter.github;

import dev.thingyan.ports.out.ReleaseSource.DownloadProgress;
import dev.thingyan.ports.out.ReleaseSourceException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The download's target file and the SHA-256 of exactly the bytes it holds. Bytes are hashed as
 * they are written, through one 64 KiB buffer, so memory stays flat whatever the size. A partial
 * file found at open is hashed first, so a resumed download ends with the hash of the whole file.
 */
final class HashingFile implements Closeable {
  static final int BUFFER = 64 * 1024;
  static final long PROGRESS_STEP = 4L * 1024 * 1024;

  private final Path path;
  private final FileChannel channel;
  private final byte[] buffer = new byte[BUFFER];
  private MessageDigest sha256 = newDigest();

  private HashingFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /** Opens (or creates) the target and hashes what it already holds. */
  static HashingFile open(Path path) throws IOException {
    FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    HashingFile file = new HashingFile(path, ch);
    ByteBuffer buf = ByteBuffer.wrap(file.buffer);
    while (ch.read(buf) != -1) {
      file.sha256.update(file.buffer, 0, buf.position());
      buf.clear();
    }
    return file;
  }

  Path path() {
    return path;
  }

  /**
   * Bytes written by this object so far, for a watcher on another thread. A counter, not
   * {@code channel.size()}: a thread interrupted inside a FileChannel call closes the channel
   * (ClosedByInterruptException), and the watcher is stopped by an interrupt.
   */
  private volatile long received;

  /** @return the bytes written so far (only its changes mean anything to a watcher) */
  long received() {
    return received;
  }

  long size() throws IOException {
    return channel.size();
  }

  /** Empties the file: the server sent the whole body, or what is on disk cannot be trusted. */
  void restart() throws IOException {
    channel.truncate(0);
    channel.position(0);
    sha256 = newDigest();
  }

  /**
   * Appends {@code in} until it ends, or refuses at the first byte past {@code bound}: the file
   * is then emptied, so disk use never passes the bound by more than nothing. A failing read (a dropped connection) propagates as the
   * {@link IOException} it is, with everything received so far on disk and hashed; a failing write
   * is not something a retry fixes and becomes a {@link ReleaseSourceException}.
   */
  void append(InputStream in, long total, long bound, DownloadProgress progress)
      throws IOException {
    long done = size();
    long nextReport = (done / PROGRESS_STEP + 1) * PROGRESS_STEP;
    int n;
    // never ask for more than one byte past the bound: that byte is the proof of the lie
    while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, bound - done + 1))) != -1) {
      if (done + n > bound) {
        restart();
        throw new OverBoundException(bound);
      }
      write(n);
      done += n;
      if (done >= nextReport) {
        progress.progress(done, total);
        nextReport = (done / PROGRESS_STEP + 1) * PROGRESS_STEP;
      }
    }
  }

  private void write(int n) {
    try {
      ByteBuffer buf = ByteBuffer.wrap(buffer, 0, n);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
    } catch (IOException e) {
      throw new ReleaseSourceException("Could not write the download to " + path + " ("
          + e.getMessage() + "). Check free disk space and permissions of that folder.", e);
    }
    sha256.update(buffer, 0, n);
    received += n; // one writer thread: no lost update
  }

  /** Flushes the file to the disk and returns the hash of its whole content. */
  String finish() throws IOException {
    channel.force(true);
    return HexFormat.of().formatHex(sha256.digest());
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The body went on past the bound; the file has been emptied. */
  static final class OverBoundException extends IOException {
    private static final long serialVersionUID = 1L;

    OverBoundException(long bound) {
      super("the body went on past " + bound + " bytes");
    }
  }
}

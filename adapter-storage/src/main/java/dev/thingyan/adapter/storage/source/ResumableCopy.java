package dev.thingyan.adapter.storage.source;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.thingyan.ports.model.DownloadedFile;
import dev.thingyan.ports.out.ReleaseSource.DownloadProgress;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a file with a 64 KiB buffer, hashing as it goes. When the target already holds the start
 * of the source (an interrupted copy) it keeps that part, hashing it, and continues after it; the
 * kept part is compared with the source first, because unlike an HTTP Range request a local copy
 * can afford to check that it really is a prefix.
 */
final class ResumableCopy {

  private static final Logger LOG = LoggerFactory.getLogger(ResumableCopy.class);
  private static final int BUFFER = 64 * 1024;
  private static final long REPORT_EVERY = 4L << 20;

  private ResumableCopy() {}

  /** Progress is reported when resuming, every 4 MiB, and at the end. */
  static DownloadedFile copy(Path source, Path target, DownloadProgress progress)
      throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    MessageDigest sha = sha256();
    try (FileChannel in = FileChannel.open(source, READ);
        FileChannel out = FileChannel.open(target, CREATE, READ, WRITE)) {
      long total = in.size();
      long done = keepMatchingPrefix(in, out, sha, total);
      out.truncate(done);
      if (done > 0) {
        LOG.info("resuming the copy of {} at {} of {} bytes", source.getFileName(), done, total);
        progress.progress(done, total);
      }
      done = copyRest(in, out, sha, done, total, progress);
      out.force(true);
      progress.progress(done, total);
      return new DownloadedFile(target, done, HexFormat.of().formatHex(sha.digest()));
    }
  }

  private static long keepMatchingPrefix(FileChannel in, FileChannel out, MessageDigest sha,
      long total) throws IOException {
    ByteBuffer a = ByteBuffer.allocate(BUFFER);
    ByteBuffer b = ByteBuffer.allocate(BUFFER);
    long kept = 0;
    long limit = Math.min(total, out.size());
    while (kept < limit) {
      int want = (int) Math.min(BUFFER, limit - kept);
      int n = Math.min(readFully(in, a, kept, want), readFully(out, b, kept, want));
      int mismatch = Arrays.mismatch(a.array(), 0, n, b.array(), 0, n);
      int same = mismatch < 0 ? n : mismatch;
      sha.update(a.array(), 0, same);
      kept += same;
      if (same < want) {
        break;
      }
    }
    return kept;
  }

  private static long copyRest(FileChannel in, FileChannel out, MessageDigest sha, long done,
      long total, DownloadProgress progress) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    long nextReport = done + REPORT_EVERY;
    out.position(done);
    for (int n = in.read(buffer, done); n >= 0; n = in.read(buffer, done)) {
      buffer.flip();
      sha.update(buffer.array(), 0, buffer.limit());
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      buffer.clear();
      done += n;
      if (done >= nextReport) {
        progress.progress(done, total);
        nextReport = done + REPORT_EVERY;
      }
    }
    return done;
  }

  private static int readFully(FileChannel ch, ByteBuffer buf, long at, int want)
      throws IOException {
    buf.clear().limit(want);
    while (buf.hasRemaining()) {
      if (ch.read(buf, at + buf.position()) < 0) {
        break;
      }
    }
    return buf.position();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}

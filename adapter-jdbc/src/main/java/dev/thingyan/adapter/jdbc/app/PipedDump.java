package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import dev.thingyan.ports.out.DumpCompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A dump compressed by the operating system: {@code tool | compressor} started as one pipeline
 * (or the compressor alone over a snapshot file), this JVM reading only the compressed bytes. The
 * exit status of every process is checked (a shell pipe reports only the last one's, the
 * compressor's, which is 0 for a dump cut short). Since the JVM never sees the dump itself, its
 * first bytes are decompressed from a copy of the first compressed ones, for the dumper to check
 * that it is not empty and is what the tool makes.
 */
final class PipedDump {

  // a zstd block holds at most 128 KiB: the first one, whole, is within the first 256 KiB
  private static final int HEAD_COMPRESSED = 256 * 1024;
  static final int HEAD = 16;

  private final List<ChildProcess> stages;
  private final DumpCompressor compressor;
  private final String what;

  /**
   * @param stages the pipeline's processes in order, the compressor last; its standard input is
   *     already connected (to the tool before it, or to a file)
   * @param what the database, e.g. {@code 127.0.0.1:5432/pms}, for messages
   */
  PipedDump(List<ChildProcess> stages, DumpCompressor compressor, String what) {
    this.stages = List.copyOf(stages);
    this.compressor = compressor;
    this.what = what;
  }

  /**
   * Copies the compressed dump to {@code out} and waits for every process.
   *
   * @param advice what to check when a process failed, appended to the message
   * @return the dump's first {@value #HEAD} bytes, decompressed (fewer if it is shorter)
   * @throws BackupException when a process failed, or {@code out} did
   */
  byte[] copyTo(OutputStream out, ProgressSink progress, String advice) {
    HeadCopy head = new HeadCopy(out);
    ChildProcess last = stages.get(stages.size() - 1);
    try {
      Pump.copy(last.stdout(), head, progress);
    } catch (Pump.SinkFailed e) {
      throw storeFailed(e.getCause());
    } catch (IOException e) {
      stop();
      throw new BackupException(
          "reading the output of " + last.tool() + " failed (" + e.getMessage() + "); no backup was made", e);
    }
    List<String> failures = new ArrayList<>();
    for (ChildProcess stage : stages) {
      int code = stage.waitFor();
      if (code != 0) {
        failures.add(stage.failure(code));
      }
    }
    if (!failures.isEmpty()) {
      throw new BackupException(String.join("; ", failures) + "; no backup was made. " + advice);
    }
    stages.forEach(stage -> stage.logWarnings(what));
    return decodeHead(head.bytes.toByteArray());
  }

  private byte[] decodeHead(byte[] compressed) {
    try (InputStream in = compressor.decompress(new ByteArrayInputStream(compressed))) {
      return in.readNBytes(HEAD);
    } catch (IOException | RuntimeException e) {
      throw new BackupException(
          "the output of "
              + compressor.name()
              + " for "
              + what
              + " cannot be decompressed ("
              + e.getMessage()
              + "); no backup was made. Check that "
              + String.join(" ", compressor.command())
              + " is the zstd program",
          e);
    }
  }

  /** The store failed (full, gone): stop the processes now rather than let them run on unread. */
  private BackupException storeFailed(Throwable e) {
    stop();
    return new BackupException(
        "writing the dump of "
            + what
            + " failed ("
            + e.getMessage()
            + "); "
            + stages.get(0).tool()
            + " was stopped and no backup was made. Check the backup store",
        e);
  }

  private void stop() {
    stages.forEach(ChildProcess::kill);
  }

  /** Passes everything on, keeping a copy of the first compressed bytes. */
  private static final class HeadCopy extends FilterOutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    HeadCopy(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      int keep = Math.min(len, HEAD_COMPRESSED - bytes.size());
      if (keep > 0) {
        bytes.write(b, off, keep);
      }
    }
  }
}

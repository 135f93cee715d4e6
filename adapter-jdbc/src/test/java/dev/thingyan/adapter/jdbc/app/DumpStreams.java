package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.out.DumpCompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Test sinks and sources for dumpers: a compressing store, and sinks that fail mid-dump. */
final class DumpStreams {

  private DumpStreams() {}

  /** Gzip-compressed bytes, as the real pipeline compresses (zstd) on the fly. */
  static final class Compressed {
    final ByteArrayOutputStream stored = new ByteArrayOutputStream();

    OutputStream writer() throws IOException {
      return new GZIPOutputStream(stored, 64 * 1024);
    }

    InputStream reader() {
      try {
        return new GZIPInputStream(new ByteArrayInputStream(stored.toByteArray()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The {@code gzip} program as the pipeline's compressor: a real program, as {@code zstd} is in
   * production, whose output the JDK decompresses.
   */
  static final class GzipProgram implements DumpCompressor {
    private final String program;

    GzipProgram(String program) {
      this.program = program;
    }

    GzipProgram() {
      this("gzip");
    }

    @Override
    public List<String> command() {
      return List.of(program, "-1", "-c");
    }

    @Override
    public String name() {
      return "gzip";
    }

    @Override
    public InputStream decompress(InputStream compressed) {
      try {
        return new GZIPInputStream(compressed);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Accepts everything, and calls {@code trigger} once after {@code after} bytes. */
  static OutputStream triggerAfter(long after, Runnable trigger) {
    return new OutputStream() {
      long seen;
      boolean fired;

      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        seen += len;
        if (!fired && seen > after) {
          fired = true;
          trigger.run();
        }
      }
    };
  }

  /** A store that fills up: throws after {@code after} bytes. */
  static OutputStream fullAfter(long after) {
    return triggerAfter(
        after,
        () -> {
          throw new UncheckedIOException(new IOException("No space left on device"));
        });
  }

  /** Kills this JVM's child processes whose command ends with {@code tool}; records their args. */
  static Runnable kill(String tool, List<String> argsSeen) {
    return () ->
        ProcessHandle.current()
            .descendants()
            .filter(p -> p.info().command().orElse("").endsWith("/" + tool))
            .forEach(
                p -> {
                  p.info().arguments().ifPresent(a -> argsSeen.addAll(List.of(a)));
                  p.destroyForcibly(); // as the OOM killer would
                });
  }

  static List<String> children(String tool) {
    List<String> out = new ArrayList<>();
    Consumer<ProcessHandle> add = p -> out.add(p.info().command().orElse("?"));
    ProcessHandle.current()
        .descendants()
        .filter(p -> p.isAlive() && p.info().command().orElse("").endsWith("/" + tool))
        .forEach(add);
    return out;
  }
}

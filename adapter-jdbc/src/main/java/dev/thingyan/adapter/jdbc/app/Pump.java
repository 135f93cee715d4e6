package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Copies bytes between a tool and a stream with a fixed buffer, so memory stays flat whatever the
 * database size, telling progress every few megabytes. A failure of the receiving side is reported
 * as {@link SinkFailed}, to tell "the store is full" from "the tool stopped".
 */
final class Pump {

  private static final int BUFFER = 64 * 1024;
  private static final long PROGRESS_EVERY = 4L << 20;

  private Pump() {}

  /** The receiving stream threw; its exception is the cause. */
  static final class SinkFailed extends IOException {
    private static final long serialVersionUID = 1L;

    SinkFailed(Exception cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * @return bytes copied; progress is told every few megabytes and at the end
   */
  static long copy(InputStream in, OutputStream out, ProgressSink progress) throws IOException {
    byte[] buffer = new byte[BUFFER];
    long done = 0;
    long nextReport = PROGRESS_EVERY;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      try {
        out.write(buffer, 0, n);
      } catch (IOException | RuntimeException e) {
        throw new SinkFailed(e);
      }
      done += n;
      if (done >= nextReport) {
        progress.bytes(done);
        nextReport += PROGRESS_EVERY;
      }
    }
    progress.bytes(done);
    return done;
  }

  /**
   * Copies {@code in} to a tool's standard input on its own thread and closes that input at the end
   * (the tool's cue that the dump is over), while the caller reads the tool's output.
   */
  static FutureTask<Long> background(
      String name, InputStream in, OutputStream toolInput, ProgressSink progress) {
    FutureTask<Long> task =
        new FutureTask<>(
            () -> {
              try (toolInput) {
                return copy(in, toolInput, progress);
              }
            });
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return task;
  }

  /**
   * @return the background copy's failure, or null when it copied everything
   */
  static Throwable failureOf(FutureTask<Long> task) {
    try {
      task.get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }
}

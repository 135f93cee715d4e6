package dev.thingyan.ports.model;

import java.util.Objects;

/**
 * How far a long step (a download, a backup, a restore) has got, as values a UI draws a bar from;
 * the run's log carries the same as text every 10 %.
 *
 * @param step the step, e.g. {@code download}, {@code backup}, {@code db_restore}
 * @param bytesDone bytes transferred so far
 * @param bytesTotal the size, or -1 when not known in advance (a dump)
 * @param attempt 1 for the first try, 2 for the first retry of the step's transfer
 */
public record RunProgress(RunId runId, String step, long bytesDone, long bytesTotal, int attempt) {
  public RunProgress {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(step, "step");
    if (bytesDone < 0) {
      throw new IllegalArgumentException("bytesDone: negative");
    }
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt: must be at least 1");
    }
  }

  /** @return the share done between 0 and 1, or -1 when the size is not known */
  public double fraction() {
    return bytesTotal > 0 ? Math.min(1.0, (double) bytesDone / bytesTotal) : -1;
  }
}

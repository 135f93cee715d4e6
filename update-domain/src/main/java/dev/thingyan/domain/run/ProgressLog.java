package dev.thingyan.domain.run;

import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.out.ReleaseSource;
import java.util.function.LongConsumer;

/** Writes a long transfer's progress into the run log, about every 10 % (or 64 MiB when the size is unknown). */
final class ProgressLog implements ReleaseSource.DownloadProgress, LongConsumer {

  private static final long UNKNOWN_STEP = 64L << 20;
  /** A UI's bar moves by 1 % (at least 256 KiB): often enough to look alive, cheap to tell. */
  private static final long MIN_TICK = 256L << 10;
  private final RunRecorder rec;
  private final String step;
  private final long expected;
  private long nextReport;
  private boolean faulted;
  private boolean finished;
  private long nextTick;

  ProgressLog(RunRecorder rec, String step, long expected) {
    this.rec = rec;
    this.step = step;
    this.expected = expected;
    this.nextReport = stepSize();
  }

  @Override
  public void progress(long done, long total) {
    long size = total > 0 ? total : expected;
    if (!faulted && done > 0) {
      faulted = true;
      rec.fault(step + ":progress");
    }
    boolean end = size > 0 && done >= size;
    if (!finished && (done >= nextTick || end)) {
      rec.progress(step, done, size > 0 ? size : -1);
      nextTick = done + Math.max(MIN_TICK, size > 0 ? size / 100 : 0);
    }
    if (finished || (done < nextReport && !end)) {
      return;
    }
    finished = end;
    {
      rec.log(LogLevel.INFO, step, size > 0
          ? Bytes.human(done) + " of " + Bytes.human(size) + " (" + (done * 100 / size) + "%)"
          : Bytes.human(done));
      nextReport = done + stepSize();
    }
  }

  @Override
  public void accept(long done) {
    progress(done, expected);
  }

  private long stepSize() {
    return expected > 0 ? Math.max(1, expected / 10) : UNKNOWN_STEP;
  }
}

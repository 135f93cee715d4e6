package dev.thingyan.bootstrap.cli;

import java.util.Locale;
import java.util.function.LongConsumer;

/** Prints how many bytes a long backup or restore has moved, at most every 16 MiB. */
final class ProgressPrinter implements LongConsumer {

  private static final long EVERY = 16L << 20;
  private final Session session;
  private long next = EVERY;

  ProgressPrinter(Session session) {
    this.session = session;
  }

  @Override
  public void accept(long bytes) {
    if (bytes >= next) {
      session.out.println(session.messages.get("progress.bytes",
          String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0)));
      session.out.flush();
      next = bytes + EVERY;
    }
  }
}

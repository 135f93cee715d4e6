package dev.thingyan.bootstrap.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;

/** Prints how many bytes a long backup or restore has moved, at most every 16 MiB. */
final class ProgressPrinter implements LongConsumer {

  private static final long EVERY = 16L << 20;
  private final PrintWriter out;
  private final Messages messages;
  private long next = EVERY;

  ProgressPrinter(Session session) {
    this(session.out, session.messages);
  }

  ProgressPrinter(PrintWriter out, Messages messages) {
    this.out = out;
    this.messages = messages;
  }

  @Override
  public void accept(long bytes) {
    if (bytes >= next) {
      out.println(messages.get("progress.bytes",
          String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0)));
      out.flush();
      next = bytes + EVERY;
    }
  }
}

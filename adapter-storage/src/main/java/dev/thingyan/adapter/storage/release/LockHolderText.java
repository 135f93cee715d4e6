package dev.thingyan.adapter.storage.release;

import dev.thingyan.ports.model.LockHolder;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/** The lock file's content: who holds the lock, as {@code key=value} lines a person can read. */
final class LockHolderText {
  private LockHolderText() {}

  static String format(LockHolder h) {
    return "pid=" + h.pid() + "\nhost=" + oneLine(h.host()) + "\nbootId=" + oneLine(h.bootId())
        + "\nacquiredAt=" + h.acquiredAt() + "\nleaseUntil=" + h.leaseUntil() + "\n";
  }

  /** @return the holder, or empty when the text is not a complete record (e.g. half-written). */
  static Optional<LockHolder> parse(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
      return Optional.of(new LockHolder(Long.parseLong(p.getProperty("pid")),
          p.getProperty("host"), p.getProperty("bootId"),
          Instant.parse(p.getProperty("acquiredAt")), Instant.parse(p.getProperty("leaseUntil"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n\\\\]", "_");
  }
}

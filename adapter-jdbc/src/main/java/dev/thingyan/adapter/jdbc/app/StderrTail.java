package dev.thingyan.adapter.jdbc.app;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a tool's standard error in the background. The tool must never block on a full pipe, yet a
 * tool that writes endlessly must not fill memory: the first {@value #LIMIT} bytes are kept (the
 * first lines carry the cause), the rest is read and dropped. The statement that the {@code
 * mariadb} client echoes between {@code --------------} lines is left out: it may be megabytes of
 * row data, guests' names among them, and the {@code ERROR} line after it says what went wrong.
 */
final class StderrTail {

  static final int LIMIT = 4096;
  private static final String ECHO = "--------------";

  private final StringBuilder kept = new StringBuilder();
  private final Thread reader;
  private boolean cut;

  StderrTail(String tool, InputStream stderr) {
    reader = new Thread(() -> drain(stderr), tool + "-stderr");
    reader.setDaemon(true);
    reader.start();
  }

  private void drain(InputStream stderr) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean inEcho = false;
    try (InputStream in = new BufferedInputStream(stderr)) {
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (b != '\n') {
          if (line.size() < LIMIT) {
            line.write(b);
          }
          continue;
        }
        String text = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        if (text.equals(ECHO)) {
          inEcho = !inEcho;
        } else if (!inEcho && !text.isEmpty()) {
          keep(text);
        }
      }
      if (!inEcho && line.size() > 0) {
        keep(line.toString(StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      // the tool ended and its pipe closed; what was read is what there is
    }
  }

  private synchronized void keep(String text) {
    int room = LIMIT - kept.length();
    if (room <= 0 || text.length() > room) {
      cut = true;
    }
    if (room > 0) {
      kept.append(kept.length() > 0 ? " | " : "").append(text, 0, Math.min(text.length(), room));
    }
  }

  void join() throws InterruptedException {
    reader.join(10_000);
  }

  /**
   * @return the kept lines joined by {@code |}, {@code …} marking a cut
   */
  synchronized String text() {
    return kept + (cut ? " …" : "");
  }
}

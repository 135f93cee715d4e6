package dev.thingyan.adapter.jdbc.app;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Reads a tool's standard error in the background. The tool must never block on a full pipe, yet a
 * tool that writes endlessly must not fill memory: the first {@value #HEAD} and the last {@value
 * #TAIL} characters of lines are kept, the lines between counted and dropped. Both ends matter:
 * the first lines often name the cause, but pg_dump writes its fatal {@code error:} line last, after
 * any number of warnings. The statement that the {@code mariadb} client echoes between {@code
 * --------------} lines is left out: it may be megabytes of row data, guests' names among them,
 * and the {@code ERROR} line after it says what went wrong.
 */
final class StderrTail {

  static final int HEAD = 2048;
  static final int TAIL = 4096;
  private static final String ECHO = "--------------";
  private static final String JOIN = " | ";

  /** A kept line, and how many bytes it had on the pipe (its newline included). */
  private record Line(String text, long bytes) {}

  private final StringBuilder head = new StringBuilder();
  private final ArrayDeque<Line> tail = new ArrayDeque<>();
  private final Thread reader;
  private int tailLength;
  private long skipped;

  StderrTail(String tool, InputStream stderr) {
    reader = new Thread(() -> drain(stderr), tool + "-stderr");
    reader.setDaemon(true);
    reader.start();
  }

  private void drain(InputStream stderr) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean inEcho = false;
    long lineBytes = 0;
    try (InputStream in = new BufferedInputStream(stderr)) {
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (b != '\n') {
          if (line.size() < TAIL) {
            line.write(b);
          }
          lineBytes++;
          continue;
        }
        String text = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        if (text.equals(ECHO)) {
          inEcho = !inEcho;
        } else if (!inEcho && !text.isEmpty()) {
          keep(text, lineBytes + 1, lineBytes > TAIL);
        }
        lineBytes = 0;
      }
      String text = line.toString(StandardCharsets.UTF_8).strip();
      if (!inEcho && !text.isEmpty()) {
        keep(text, lineBytes, lineBytes > TAIL);
      }
    } catch (IOException e) {
      // the tool ended and its pipe closed; what was read is what there is
    }
  }

  /**
   * Into the head while it has room for the whole line, else into the tail, oldest lines out.
   *
   * @param bytes the line's length on the pipe, its newline included
   * @param cut whether it was longer than {@value #TAIL} bytes and is cut short
   */
  private synchronized void keep(String text, long bytes, boolean cut) {
    String shown = cut ? text + " …" : text;
    if (tail.isEmpty() && head.length() + JOIN.length() + shown.length() <= HEAD) {
      head.append(head.length() > 0 ? JOIN : "").append(shown);
      return;
    }
    tail.addLast(new Line(shown, bytes));
    tailLength += shown.length() + JOIN.length();
    while (tailLength > TAIL && tail.size() > 1) {
      Line gone = tail.removeFirst();
      tailLength -= gone.text().length() + JOIN.length();
      skipped += gone.bytes();
    }
  }

  void join() throws InterruptedException {
    reader.join(10_000);
  }

  /**
   * @return the kept lines joined by {@code |}, with {@code [... N bytes skipped ...]} where lines
   *     between the head and the tail were dropped, and {@code …} after a line cut short
   */
  synchronized String text() {
    StringBuilder out = new StringBuilder(head);
    if (skipped > 0) {
      out.append(out.length() > 0 ? JOIN : "")
          .append("[... ")
          .append(skipped)
          .append(" bytes skipped ...]");
    }
    for (Line line : tail) {
      out.append(out.length() > 0 ? JOIN : "").append(line.text());
    }
    return out.toString();
  }
}

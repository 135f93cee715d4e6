package dev.thingyan.adapter.jdbc.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Passes the SQL of {@code pg_restore --single-transaction --file=-} on to psql without its own
 * {@code BEGIN} and {@code COMMIT}, so that the restore's one transaction is the caller's: it
 * begins before the caller's clean-up and ends with the caller's COMMIT, once pg_restore exited 0.
 * Without {@code --single-transaction} pg_restore wraps large objects in a BEGIN and COMMIT of
 * their own, and in one psql session that COMMIT would keep everything run so far (the clean-up
 * included) and leave the rest to autocommit. With it, BEGIN is the first statement and COMMIT the
 * last; output shaped otherwise is refused ({@link Unexpected}). The last {@value #HOLD} bytes are
 * held back until {@link #finish}, so pg_restore's COMMIT is never passed on: psql sees it only if
 * the caller decides so.
 */
final class PgRestoreScript extends OutputStream {

  /** pg_restore's SQL does not open and close one transaction as expected. */
  static final class Unexpected extends IOException {
    private static final long serialVersionUID = 1L;

    Unexpected(String message) {
      super(message);
    }
  }

  private static final int HEAD_LIMIT = 16 * 1024;
  static final int HOLD = 8 * 1024;

  private final OutputStream out;
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private int lineStart;
  private boolean begun;
  private final byte[] held = new byte[HOLD];
  private int heldCount;
  // whether the held bytes begin a line (nothing passed on yet ends mid-line)
  private boolean lineStartHeld = true;

  PgRestoreScript(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int used = begun ? 0 : head(b, off, len);
    if (used < len) {
      hold(b, off + used, len - used);
    }
  }

  /**
   * Before pg_restore's BEGIN only comments, blank lines and psql commands (e.g. {@code \restrict})
   * may come; they pass, BEGIN itself does not.
   *
   * @return how many of the bytes were taken as head
   */
  private int head(byte[] b, int off, int len) throws IOException {
    for (int i = 0; i < len; i++) {
      head.write(b[off + i]);
      if (b[off + i] != '\n') {
        continue;
      }
      String line = line(head.toByteArray(), lineStart, head.size());
      if (line.equals("BEGIN;")) {
        out.write(head.toByteArray(), 0, lineStart);
        begun = true;
        return i + 1;
      }
      if (!isNote(line)) {
        throw new Unexpected("pg_restore's SQL does not begin with BEGIN");
      }
      lineStart = head.size();
    }
    if (head.size() > HEAD_LIMIT) {
      throw new Unexpected("pg_restore's SQL does not begin with BEGIN");
    }
    return len;
  }

  /** Passes on all but the last {@value #HOLD} bytes seen. */
  private void hold(byte[] b, int off, int len) throws IOException {
    int release = Math.max(0, heldCount + len - HOLD);
    int fromHeld = Math.min(release, heldCount);
    if (release > 0) {
      byte last = release <= heldCount ? held[release - 1] : b[off + release - heldCount - 1];
      lineStartHeld = last == '\n';
    }
    if (fromHeld > 0) {
      out.write(held, 0, fromHeld);
      System.arraycopy(held, fromHeld, held, 0, heldCount - fromHeld);
      heldCount -= fromHeld;
    }
    int fromNew = release - fromHeld;
    if (fromNew > 0) {
      out.write(b, off, fromNew);
    }
    System.arraycopy(b, off + fromNew, held, heldCount, len - fromNew);
    heldCount += len - fromNew;
  }

  /**
   * Passes on the rest, without pg_restore's closing COMMIT: call once pg_restore exited 0, then
   * write the COMMIT.
   *
   * @throws Unexpected when the SQL did not begin with BEGIN or does not end with COMMIT
   */
  void finish() throws IOException {
    if (!begun) {
      throw new Unexpected("pg_restore's SQL does not begin with BEGIN");
    }
    int[] commit = closingCommit();
    if (commit == null) {
      throw new Unexpected("pg_restore's SQL does not end with COMMIT");
    }
    out.write(held, 0, commit[0]);
    out.write(held, commit[1], heldCount - commit[1]);
    heldCount = 0;
    out.flush();
  }

  /**
   * @return the start and end of the last line, {@code COMMIT;}, when only comments, blank lines
   *     and psql commands follow it; else null
   */
  private int[] closingCommit() {
    int end = heldCount;
    while (end > 0) {
      int start = end - 1;
      while (start > 0 && held[start - 1] != '\n') {
        start--;
      }
      if (start == 0 && !lineStartHeld) {
        return null; // the line began in bytes already passed on
      }
      String line = line(held, start, end);
      if (line.equals("COMMIT;")) {
        return new int[] {start, end};
      }
      if (!isNote(line)) {
        return null;
      }
      end = start;
    }
    return null;
  }

  private static String line(byte[] bytes, int from, int to) {
    return new String(Arrays.copyOfRange(bytes, from, to), StandardCharsets.UTF_8).strip();
  }

  private static boolean isNote(String line) {
    return line.isEmpty() || line.startsWith("--") || line.startsWith("\\");
  }
}

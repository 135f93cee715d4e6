package dev.thingyan.adapter.jdbc.app;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Passes a {@code mariadb-dump} stream through untouched and tells whether it ended with the tool's
 * {@code -- Dump completed} line: a dump cut at a statement boundary is valid SQL, so only that
 * line shows it is whole. Keeps just the last bytes seen, so it costs a copy of at most {@value
 * #KEEP} bytes per write whatever the dump's size.
 */
final class DumpTrailer extends FilterOutputStream {

  static final byte[] TRAILER = "-- Dump completed".getBytes(StandardCharsets.US_ASCII);
  private static final int KEEP = 256;

  private final byte[] tail = new byte[KEEP];
  private int kept;

  DumpTrailer(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    if (len >= KEEP) {
      System.arraycopy(b, off + len - KEEP, tail, 0, KEEP);
      kept = KEEP;
      return;
    }
    int drop = Math.max(0, kept + len - KEEP);
    System.arraycopy(tail, drop, tail, 0, kept - drop);
    System.arraycopy(b, off, tail, kept - drop, len);
    kept = kept - drop + len;
  }

  /** @return whether the last line that is not blank starts with {@code -- Dump completed} */
  boolean completed() {
    return endsWithTrailer(Arrays.copyOf(tail, kept));
  }

  /** @return whether the last non-blank line of {@code end} (a dump's last bytes) is the trailer */
  static boolean endsWithTrailer(byte[] end) {
    int stop = end.length;
    while (stop > 0 && Character.isWhitespace(end[stop - 1])) {
      stop--;
    }
    int start = stop;
    while (start > 0 && end[start - 1] != '\n') {
      start--;
    }
    return stop - start >= TRAILER.length
        && Arrays.equals(end, start, start + TRAILER.length, TRAILER, 0, TRAILER.length);
  }
}

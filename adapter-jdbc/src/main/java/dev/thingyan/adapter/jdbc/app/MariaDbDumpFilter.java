package dev.thingyan.adapter.jdbc.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites a {@code mariadb-dump} stream line by line so it restores without SUPER: {@code
 * DEFINER=user@host} clauses go (the restoring user becomes the definer), and statements that set
 * GTID or binary-log state are commented out. Row data ({@code INSERT INTO} lines, which can be
 * megabytes long) passes through untouched and unbuffered; other lines are buffered up to {@value
 * #MAX_LINE} bytes, so memory stays flat. It also notes whether the stream ended with the tool's
 * {@code -- Dump completed} line: without it the dump is truncated.
 */
final class MariaDbDumpFilter extends OutputStream {

  private static final Logger LOG = LoggerFactory.getLogger(MariaDbDumpFilter.class);

  static final int MAX_LINE = 1 << 20;
  static final String SANDBOX = "/*M!999999\\- enable the sandbox mode */";
  private static final byte[] ROWS = "INSERT INTO ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRAILER = "-- Dump completed".getBytes(StandardCharsets.US_ASCII);

  // `name`@`host`, 'name'@'host', "name"@"host" (objects made under sql_mode ANSI_QUOTES) or
  // name@host (a role has no @host), only where a definer goes: CREATE DEFINER=... PROCEDURE,
  // and /*!50013 DEFINER=... */ of views, triggers, events
  private static final String PART =
      "(?:`(?:[^`]|``)*`|'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[\\w.%$-]+)";
  private static final Pattern DEFINER =
      Pattern.compile(
          "(CREATE\\s+(?:OR\\s+REPLACE\\s+)?|/\\*!\\d{5}\\s+)DEFINER\\s*=\\s*"
              + PART
              + "(?:@"
              + PART
              + ")?\\s?");
  private static final Pattern NEEDS_SUPER =
      Pattern.compile(
          "(?i)^\\s*(?:/\\*!\\d+\\s*)?(?:SET\\s+@@(?:GLOBAL\\.)?GTID_PURGED"
              + "|SET\\s+@@SESSION\\.SQL_LOG_BIN\\s*="
              + "|SET\\s+GLOBAL\\s+gtid_slave_pos|CHANGE\\s+(?:MASTER|REPLICATION\\s+SOURCE)\\s+TO)");

  private final OutputStream out;
  private final boolean dropSandbox;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private boolean passing;
  private boolean notRows;
  private boolean firstLine = true;
  private byte[] lastLineHead = new byte[0];
  // mariadb-dump 10.11 writes an INSERT's rows one per line ("INSERT INTO `t` VALUES" then
  // "(...),"): every line until the one ending in ';' is row data and must pass untouched, or a
  // guest's text that happens to read "CREATE DEFINER=..." would be rewritten (and slowly)
  private boolean inRows;
  private boolean rowsLine;
  private boolean atLineStart = true;
  private byte lastByte;

  /**
   * @param dropSandbox true on restore: a client older than MariaDB 10.11.8 (or MySQL's) stops at
   *     the sandbox line newer dumps start with; {@link MariaDbClient#load} disables client
   *     commands with {@code --binary-mode} instead
   */
  MariaDbDumpFilter(OutputStream out, boolean dropSandbox) {
    this.out = out;
    this.dropSandbox = dropSandbox;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int end = off + len;
    int i = off;
    while (i < end) {
      if (atLineStart && inRows) {
        passing = true;
        rowsLine = true;
      }
      atLineStart = false;
      int newline = indexOf(b, i, end);
      int stop = newline < 0 ? end : newline + 1;
      noteLastByte(b, i, stop);
      if (passing) {
        out.write(b, i, stop - i);
      } else {
        line.write(b, i, stop - i);
      }
      i = stop;
      if (newline >= 0) {
        endLine();
      } else if (!passing) {
        passIfRowsOrLong();
      }
    }
  }

  /** Row data and over-long lines go straight through: nothing to rewrite, nothing to keep. */
  private void passIfRowsOrLong() throws IOException {
    boolean rows = false;
    if (!notRows && line.size() >= ROWS.length) {
      rows = startsWith(headOf(line), ROWS);
      notRows = !rows;
    }
    rowsLine |= rows;
    if (rows || line.size() > MAX_LINE) {
      if (!rows) {
        LOG.warn(
            "a dump line of more than {} bytes that is not row data passed unfiltered", MAX_LINE);
      }
      lastLineHead = headOf(line);
      line.writeTo(out);
      line.reset();
      passing = true;
    }
  }

  private void endLine() throws IOException {
    notRows = false;
    if (passing) {
      passing = false;
    } else {
      byte[] bytes = line.toByteArray();
      line.reset();
      if (startsWith(bytes, ROWS)) {
        rowsLine = true;
        lastLineHead = headOf(bytes);
        out.write(bytes);
      } else {
        emit(new String(bytes, StandardCharsets.ISO_8859_1)); // byte for byte, whatever the charset
      }
    }
    if (rowsLine) {
      inRows = lastByte != ';';
    }
    rowsLine = false;
    lastByte = 0;
    atLineStart = true;
    firstLine = false;
  }

  /** Remembers the line's last byte that is not a line break: ';' ends a statement. */
  private void noteLastByte(byte[] b, int from, int stop) {
    for (int k = stop - 1; k >= from; k--) {
      if (b[k] != '\n' && b[k] != '\r') {
        lastByte = b[k];
        return;
      }
    }
  }

  private void emit(String text) throws IOException {
    if (!text.isBlank()) {
      lastLineHead = headOf(text.getBytes(StandardCharsets.ISO_8859_1));
    }
    if (firstLine && dropSandbox && text.startsWith(SANDBOX)) {
      return;
    }
    String rewritten =
        NEEDS_SUPER.matcher(text).find()
            ? "-- thingyan: needs SUPER, left out: " + text
            : DEFINER.matcher(text).replaceAll("$1");
    out.write(rewritten.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Ends a last line without a newline and flushes. */
  void finish() throws IOException {
    if (!passing && line.size() > 0) {
      endLine();
    }
    passing = false;
    out.flush();
  }

  /**
   * @return whether the last non-blank line was the dump tool's {@code -- Dump completed}
   */
  boolean completed() {
    return startsWith(lastLineHead, TRAILER);
  }

  private static byte[] headOf(ByteArrayOutputStream bytes) {
    return headOf(bytes.toByteArray());
  }

  private static byte[] headOf(byte[] bytes) {
    return Arrays.copyOf(bytes, Math.min(bytes.length, 32));
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static int indexOf(byte[] b, int from, int end) {
    for (int i = from; i < end; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}

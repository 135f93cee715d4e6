package dev.thingyan.adapter.jdbc.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the exact FLOAT values recorded by {@link MariaDbFloats} back into a dump as it is loaded.
 * A dump without the recorded lines passes through untouched after its first line. With them,
 * each line is read whole, the header lines are consumed (the client never sees them), and every
 * row of a recorded table has its FLOAT fields replaced by the exact values, in order, after
 * checking that each field is the shortened text recorded beside it. Anything that does not match
 * (a field, the number of rows) is noted and the load fails afterwards: a value is never put on
 * the wrong row, and a shortened one never kept silently.
 */
final class MariaDbFloatFix extends OutputStream {

  private static final String INSERT = "INSERT INTO ";

  private final OutputStream out;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final Map<String, Recorded> tables = new HashMap<>();
  private Recorded header;
  private Recorded current;
  private boolean passThrough;
  private boolean started;
  private String problem;

  private static final class Recorded {
    final String name;
    final List<String> columns = new ArrayList<>();
    final List<Integer> visibleIndex = new ArrayList<>();
    final ArrayDeque<String[]> rows = new ArrayDeque<>();
    long recorded;
    List<String> columnOrder;

    Recorded(String name) {
      this.name = name;
    }
  }

  MariaDbFloatFix(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (passThrough) {
      out.write(b, off, len);
      return;
    }
    int end = off + len;
    for (int i = off; i < end; ) {
      int nl = i;
      while (nl < end && b[nl] != '\n') {
        nl++;
      }
      int stop = nl < end ? nl + 1 : end;
      line.write(b, i, stop - i);
      i = stop;
      if (nl < end) {
        endLine();
        if (passThrough && i < end) {
          out.write(b, i, end - i);
          return;
        }
      }
    }
  }

  private void endLine() throws IOException {
    String text = line.toString(StandardCharsets.ISO_8859_1);
    line.reset();
    if (!started) {
      started = true;
      if (!text.startsWith(MariaDbFloats.TABLE)) {
        passThrough = true;
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        return;
      }
    }
    if (text.startsWith(MariaDbFloats.TABLE)) {
      header = parseTable(text.substring(MariaDbFloats.TABLE.length()).strip());
      tables.put(header.name, header);
    } else if (text.startsWith(MariaDbFloats.ROW)) {
      header.rows.add(text.substring(MariaDbFloats.ROW.length()).strip().split(" "));
      header.recorded++;
    } else if (text.startsWith(MariaDbFloats.END)) {
      header = null;
    } else {
      out.write(rows(text).getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  /** Rewrites an INSERT line, or a line of rows that continues one, of a recorded table. */
  private String rows(String text) {
    int at = 0;
    List<String> columnList = null;
    if (text.startsWith(INSERT)) {
      Cursor c = new Cursor(text, INSERT.length());
      String table = c.name();
      current = tables.get(table);
      if (current == null) {
        return text;
      }
      c.skipSpaces();
      if (c.peek() == '(') {
        columnList = c.columnList();
      }
      current.columnOrder = columnList;
      at = text.indexOf("VALUES", c.at) + "VALUES".length();
    } else if (current == null) {
      return text;
    }
    StringBuilder result = new StringBuilder(text.length() + 32).append(text, 0, at);
    Cursor c = new Cursor(text, at);
    while (c.at < text.length()) {
      char ch = text.charAt(c.at);
      if (ch == '(') {
        result.append(row(c));
      } else {
        result.append(ch);
        c.at++;
        if (ch == ';') {
          result.append(text, c.at, text.length());
          current = null;
          break;
        }
      }
    }
    return result.toString();
  }

  /** One row {@code (v1,v2,...)} with its recorded FLOAT fields replaced. */
  private String row(Cursor c) {
    List<String> fields = c.fields();
    String[] recorded = current.rows.poll();
    if (recorded == null) {
      note("the dump holds more rows of " + current.name + " than the " + current.recorded
          + " recorded with their exact FLOAT values");
      return "(" + String.join(",", fields) + ")";
    }
    for (int i = 0; i < current.columns.size(); i++) {
      int index = index(i);
      if (index < 0 || index >= fields.size()) {
        note("column " + current.columns.get(i) + " of " + current.name + " is not in the dump's rows");
        continue;
      }
      String value = recorded[i];
      String field = fields.get(index);
      if (value.equals("NULL") ? !field.equals("NULL") : !value.startsWith(field + "=")) {
        note("row " + (current.recorded - current.rows.size()) + " of " + current.name + " holds "
            + field + " in column " + current.columns.get(i) + " where " + value
            + " was recorded: the dump and its FLOAT values were not taken from the same data");
      } else if (!value.equals("NULL")) {
        fields.set(index, value.substring(field.length() + 1));
      }
    }
    return "(" + String.join(",", fields) + ")";
  }

  private int index(int column) {
    if (current.columnOrder == null) {
      return current.visibleIndex.get(column);
    }
    return current.columnOrder.indexOf(current.columns.get(column));
  }

  private void note(String what) {
    if (problem == null) {
      problem = what;
    }
  }

  /** Ends a last line without a newline; then checks every recorded row was used. */
  void finish() throws IOException {
    if (!passThrough && line.size() > 0) {
      endLine();
    }
    for (Recorded t : tables.values()) {
      if (!t.rows.isEmpty()) {
        note("the dump holds " + (t.recorded - t.rows.size()) + " rows of " + t.name + " but "
            + t.recorded + " were recorded with their exact FLOAT values");
      }
    }
    out.flush();
  }

  /** @return what did not match, when anything did: the loaded copy must not be used */
  Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  private static Recorded parseTable(String spec) {
    Cursor c = new Cursor(spec, 0);
    Recorded t = new Recorded(c.name());
    c.skipSpaces();
    while (c.at < spec.length()) {
      int colon = spec.indexOf(':', c.at);
      t.visibleIndex.add(Integer.parseInt(spec.substring(c.at, colon)));
      c.at = colon + 1;
      t.columns.add(c.name());
      if (c.at < spec.length() && spec.charAt(c.at) == ',') {
        c.at++;
      }
    }
    return t;
  }

  /** Reads names and fields of {@code mariadb-dump}'s SQL from a position. */
  private static final class Cursor {
    final String text;
    int at;

    Cursor(String text, int at) {
      this.text = text;
      this.at = at;
    }

    char peek() {
      return at < text.length() ? text.charAt(at) : 0;
    }

    void skipSpaces() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    /** A name, {@code `quoted`} (backticks doubled inside) or bare. */
    String name() {
      skipSpaces();
      StringBuilder name = new StringBuilder();
      if (peek() == '`') {
        at++;
        while (at < text.length()) {
          char ch = text.charAt(at++);
          if (ch == '`') {
            if (peek() != '`') {
              break;
            }
            at++;
          }
          name.append(ch);
        }
        return name.toString();
      }
      while (at < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '$')) {
        name.append(text.charAt(at++));
      }
      return name.toString();
    }

    List<String> columnList() {
      at++; // (
      List<String> names = new ArrayList<>();
      while (at < text.length()) {
        names.add(name());
        skipSpaces();
        char ch = text.charAt(at++);
        if (ch == ')') {
          break;
        }
      }
      return names;
    }

    /** The fields of a row starting at its {@code (}, leaving the cursor after its {@code )}. */
    List<String> fields() {
      at++; // (
      List<String> fields = new ArrayList<>();
      int start = at;
      char quote = 0;
      while (at < text.length()) {
        char ch = text.charAt(at);
        if (quote != 0) {
          if (ch == '\\') {
            at++;
          } else if (ch == quote) {
            quote = 0;
          }
        } else if (ch == '\'' || ch == '"') {
          quote = ch;
        } else if (ch == ',' || ch == ')') {
          fields.add(text.substring(start, at));
          start = at + 1;
          if (ch == ')') {
            at++;
            return fields;
          }
        }
        at++;
      }
      fields.add(text.substring(start));
      return fields;
    }
  }
}

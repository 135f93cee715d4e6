package dev.thingyan.domain.report;

import dev.thingyan.ports.model.report.ReportLimits;
import dev.thingyan.ports.model.report.StackFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads frames from Java ({@code at a.B.c(B.java:12)}), PHP ({@code #0 /x/B.php(12): A\B->c()})
 * and JavaScript (V8 {@code at c (https://x/app.js:1:2)}, Firefox/Safari {@code c@https://x:1:2})
 * stack traces. Written with indexOf rather than regular expressions: a trace is untrusted input
 * and a line of it may be a megabyte of minified script. Lines that are not frames are skipped.
 */
public final class StackTraceParser {
  private static final int MAX_LINE = 4_096;

  private StackTraceParser() {}

  /** @return the frames of the trace, top first, at most {@link ReportLimits#FRAMES}. */
  public static List<StackFrame> parse(String trace) {
    List<StackFrame> frames = new ArrayList<>();
    for (String line : trace.split("\\R")) {
      if (frames.size() == ReportLimits.FRAMES) {
        break;
      }
      parseLine(line).ifPresent(frames::add);
    }
    return frames;
  }

  /** @return the frame on this line, if it is one. */
  public static Optional<StackFrame> parseLine(String line) {
    String t = line.strip();
    if (t.length() > MAX_LINE || t.isEmpty()) {
      return Optional.empty();
    }
    if (t.startsWith("at ")) {
      return Optional.of(atFrame(t.substring(3).strip()));
    }
    if (t.charAt(0) == '#' && t.length() > 2 && Character.isDigit(t.charAt(1))) {
      return phpFrame(t);
    }
    return firefoxFrame(t);
  }

  /** Java {@code a.B.c(B.java:12)}, or V8 {@code c (url:1:2)} / {@code url:1:2}. */
  private static StackFrame atFrame(String body) {
    int open = body.indexOf('(');
    if (body.endsWith(")") && open > 0 && body.charAt(open - 1) != ' ') {
      String function = body.substring(0, open);
      function = function.substring(function.lastIndexOf('/') + 1); // java.base/, app//
      return located(function, body.substring(open + 1, body.length() - 1));
    }
    int space = body.lastIndexOf(" (");
    if (body.endsWith(")") && space > 0) {
      return located(body.substring(0, space), body.substring(space + 2, body.length() - 1));
    }
    return located("", body);
  }

  /** PHP {@code #0 /path/File.php(42): App\Foo->bar('x')} or {@code #1 [internal function]: …}. */
  private static Optional<StackFrame> phpFrame(String t) {
    int space = t.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    String rest = t.substring(space + 1);
    int colon = rest.indexOf(": ");
    if (colon < 0) {
      return Optional.of(StackFrame.of(callee(rest))); // {main}
    }
    String where = rest.substring(0, colon);
    String function = callee(rest.substring(colon + 2));
    int paren = where.lastIndexOf('(');
    if (paren > 0 && where.endsWith(")")) {
      OptionalInt line = number(where.substring(paren + 1, where.length() - 1));
      return Optional.of(new StackFrame(function, Optional.of(where.substring(0, paren)), line));
    }
    return Optional.of(new StackFrame(function, Optional.of(where), OptionalInt.empty()));
  }

  /** Firefox/Safari {@code fn@url:1:2}; the location must look like a script with a line. */
  private static Optional<StackFrame> firefoxFrame(String t) {
    int at = t.indexOf('@');
    if (at < 0 || t.indexOf(' ') >= 0 || t.indexOf('/', at) < 0) {
      return Optional.empty();
    }
    StackFrame frame = located(t.substring(0, at), t.substring(at + 1));
    return frame.line().isPresent() ? Optional.of(frame) : Optional.empty();
  }

  /** Splits {@code file:line[:column]} from the end; a location without a line is all file. */
  private static StackFrame located(String function, String location) {
    String file = location;
    OptionalInt line = OptionalInt.empty();
    for (int i = 0; i < 2; i++) {
      int colon = file.lastIndexOf(':');
      OptionalInt n = colon < 0 ? OptionalInt.empty() : number(file.substring(colon + 1));
      if (n.isEmpty()) {
        break;
      }
      line = n;
      file = file.substring(0, colon);
    }
    String fn = function.length() > ReportLimits.TYPE_CHARS
        ? function.substring(0, ReportLimits.TYPE_CHARS) : function;
    return new StackFrame(fn, file.isEmpty() ? Optional.empty() : Optional.of(file), line);
  }

  private static String callee(String call) {
    int paren = call.indexOf('(');
    String fn = (paren > 0 ? call.substring(0, paren) : call).strip();
    return fn.length() > ReportLimits.TYPE_CHARS ? fn.substring(0, ReportLimits.TYPE_CHARS) : fn;
  }

  private static OptionalInt number(String s) {
    if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(s));
  }
}

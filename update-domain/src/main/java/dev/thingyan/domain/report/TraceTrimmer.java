package dev.thingyan.domain.report;

import dev.thingyan.ports.model.report.StackFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes a (redacted) stack trace fit an issue body: the deployment's base paths are stripped
 * ({@code /var/www/pms/app/X.php} → {@code app/X.php}), runs of two or more vendor frames become
 * one line {@code … N vendor frames}, very long lines (minified script) are cut, and when the
 * result is still too long the middle goes: the top says where it failed, the bottom holds the
 * root cause ({@code Caused by:}, PHP's {@code Previous exception}).
 */
public final class TraceTrimmer {
  private static final int MAX_LINE = 1_000;

  private final InAppRules inApp;
  private final List<String> basePaths;

  /** @param basePaths install paths to strip, e.g. {@code /var/www/pms/}; longest first wins */
  public TraceTrimmer(InAppRules inApp, List<String> basePaths) {
    this.inApp = Objects.requireNonNull(inApp, "inApp");
    this.basePaths = basePaths.stream().filter(p -> !p.isEmpty())
        .sorted((a, b) -> b.length() - a.length()).toList();
  }

  /** @return the trace, at most {@code maxChars} long. */
  public String trim(String trace, int maxChars) {
    if (maxChars < 200) {
      throw new IllegalArgumentException("maxChars must be at least 200, was " + maxChars);
    }
    List<String> out = new ArrayList<>();
    List<String> vendor = new ArrayList<>();
    for (String raw : trace.split("\\R", -1)) {
      Optional<StackFrame> frame = StackTraceParser.parseLine(raw);
      String line = shorten(stripBase(raw));
      if (frame.isPresent() && !inApp.isInApp(frame.get())) {
        vendor.add(line);
        continue;
      }
      flush(vendor, out);
      out.add(line);
    }
    flush(vendor, out);
    return bound(String.join("\n", out).stripTrailing(), maxChars);
  }

  private String stripBase(String line) {
    String out = line;
    for (String base : basePaths) {
      out = out.replace(base, "");
    }
    return out;
  }

  private static String shorten(String line) {
    return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + " … (line cut)";
  }

  private static void flush(List<String> vendor, List<String> out) {
    if (vendor.size() == 1) {
      out.add(vendor.get(0));
    } else if (!vendor.isEmpty()) {
      String first = vendor.get(0);
      String indent = first.substring(0, first.length() - first.stripLeading().length());
      out.add(indent + "… " + vendor.size() + " vendor frames");
    }
    vendor.clear();
  }

  /** Keeps two thirds from the top and one third from the bottom, cut at line ends. */
  private static String bound(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int budget = maxChars - 60;
    String head = text.substring(0, budget * 2 / 3);
    String tail = text.substring(text.length() - budget / 3);
    int headEnd = head.lastIndexOf('\n');
    head = headEnd > 0 ? head.substring(0, headEnd) : head;
    int tailStart = tail.indexOf('\n');
    tail = tailStart >= 0 ? tail.substring(tailStart + 1) : tail;
    int cut = text.length() - head.length() - tail.length();
    return head + "\n… " + cut + " characters trimmed …\n" + tail;
  }
}

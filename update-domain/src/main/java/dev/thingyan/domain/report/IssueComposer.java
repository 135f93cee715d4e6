package dev.thingyan.domain.report;

import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.NewIssue;
import dev.thingyan.ports.model.report.QueuedReport;
import dev.thingyan.ports.model.report.ReportLimits;
import dev.thingyan.ports.model.report.ReportSource;
import dev.thingyan.ports.model.report.TrackedIssue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes issues and comments from redacted reports. Every body fits GitHub's limits by
 * construction: the stack trace gets what is left of the budget after everything else and is
 * trimmed by {@link TraceTrimmer}, and the fingerprint marker at the end always survives.
 */
public final class IssueComposer {
  private static final String MARKER_PREFIX = "<!-- thingyan:fingerprint=";
  private static final Pattern MARKER = Pattern.compile("<!-- thingyan:fingerprint=([0-9a-f]{64}) -->");
  private static final Pattern OCCURRENCES = Pattern.compile(
      "^\\| Occurrences \\| `(\\d{1,18})` \\|$", Pattern.MULTILINE);
  /**
   * Ends every occurrence comment: the fingerprint and the occurrence count told once this
   * comment is read. A comment whose answer was lost is found by it, so it is never posted twice.
   */
  private static final Pattern TOLD = Pattern.compile(
      "<!-- thingyan:told=([0-9a-f]{64}):(\\d{1,18}) -->");
  private static final int CONTEXT_CHARS = 8_000;
  private static final int MESSAGE_CHARS = 8_000;
  private static final int STEPS_CHARS = 4_000;
  private static final int MIN_TRACE = 200;

  private final TraceTrimmer trimmer;
  private final List<String> labels;

  /** @param labels the bot's labels; severity and source labels are added per issue */
  public IssueComposer(InAppRules inApp, List<String> basePaths, List<String> labels) {
    this.trimmer = new TraceTrimmer(inApp, basePaths);
    this.labels = List.copyOf(labels);
  }

  /** @return the hidden marker that ties an issue body to a fingerprint. */
  public static String marker(String fingerprint) {
    return MARKER_PREFIX + fingerprint + " -->";
  }

  /**
   * @return the fingerprint in an issue body's marker, if it has one. The last marker counts: the
   *     composer writes it at the very end, and a report may quote another issue's body.
   */
  public static Optional<String> fingerprintIn(String body) {
    Matcher m = MARKER.matcher(body);
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    return Optional.ofNullable(last);
  }

  /** @return the hidden marker ending a comment that tells occurrences up to {@code through}. */
  static String toldMarker(String fingerprint, long through) {
    return "<!-- thingyan:told=" + fingerprint + ":" + through + " -->";
  }

  /**
   * @return the highest occurrence count that comments of ours for {@code fingerprint} told, if
   *     any of {@code comments} is one (the last marker of each comment counts, as for issues)
   */
  static OptionalLong toldIn(List<String> comments, String fingerprint) {
    long best = -1;
    for (String comment : comments) {
      Matcher m = TOLD.matcher(comment);
      String fp = null;
      long through = -1;
      while (m.find()) {
        fp = m.group(1);
        through = Long.parseLong(m.group(2));
      }
      if (fingerprint.equals(fp)) {
        best = Math.max(best, through);
      }
    }
    return best < 0 ? OptionalLong.empty() : OptionalLong.of(best);
  }

  /** @return the occurrence count an issue body of ours states, if it states one. */
  public static OptionalLong occurrencesIn(String body) {
    Matcher m = OCCURRENCES.matcher(body);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /** @return the issue for a fingerprint's first delivery, from its latest sample report. */
  public NewIssue issue(TrackedIssue row, Optional<QueuedReport> sample) {
    List<String> all = new ArrayList<>(labels);
    sample.ifPresent(s -> {
      all.add("severity:" + s.report().severity().wireName());
      all.add("source:" + s.report().source().wireName());
    });
    return new NewIssue(title(row), body(row, sample), all.stream().distinct().toList());
  }

  private static String title(TrackedIssue row) {
    String t = row.title().replace('\n', ' ').strip();
    t = t.isEmpty() ? "Error " + row.fingerprint().substring(0, 12) : t;
    return t.length() <= ReportLimits.ISSUE_TITLE_CHARS ? t
        : t.substring(0, ReportLimits.ISSUE_TITLE_CHARS - 1) + "…";
  }

  private String body(TrackedIssue row, Optional<QueuedReport> sample) {
    StringBuilder head = new StringBuilder();
    head.append("Filed automatically by thingyan. Guest data was redacted before this left the")
        .append(" property.\n\n| | |\n|---|---|\n");
    row("Occurrences", Long.toString(row.occurrences()), head);
    row("First seen", row.firstSeen().toString(), head);
    row("Last seen", row.lastSeen().toString(), head);
    row.maxVersion().ifPresent(v -> row("Newest app version", v.toString(), head));
    sample.ifPresent(s -> facts(s.report(), head));
    String tail = "\n" + marker(row.fingerprint()) + "\n";
    if (sample.isEmpty()) {
      return fit(head.toString(), tail);
    }
    ErrorReport r = sample.get().report();
    if (!r.message().isBlank()) {
      head.append("\n### Message\n\n").append(Markdown.fenced("text", cut(r.message(), MESSAGE_CHARS)));
    }
    r.stepsToReproduce().filter(s -> !s.isBlank()).ifPresent(s -> head
        .append("\n### Steps to reproduce\n\n").append(Markdown.fenced("text", cut(s, STEPS_CHARS))));
    if (!r.context().isEmpty()) {
      head.append("\n### Context\n\n")
          .append(Markdown.fenced("json", cut(Markdown.json(r.context()), CONTEXT_CHARS)));
    }
    String raw = r.stackTrace().raw().isBlank() ? framesText(r.stackTrace().frames())
        : r.stackTrace().raw();
    if (!raw.isBlank()) {
      String heading = r.source() == ReportSource.UPDATE ? "Run log (last lines)" : "Stack trace";
      int room = ReportLimits.ISSUE_BODY_CHARS - head.length() - tail.length() - heading.length()
          - 16;
      fencedTrace(raw, room).ifPresent(block ->
          head.append("\n### ").append(heading).append("\n\n").append(block));
    }
    return fit(head.toString(), tail);
  }

  /** A sender that gave frames and no trace text still gets a trace: one frame a line. */
  static String framesText(java.util.List<dev.thingyan.ports.model.report.StackFrame> frames) {
    StringBuilder out = new StringBuilder();
    for (var f : frames) {
      out.append("    at ").append(f.function());
      f.file().ifPresent(file -> {
        out.append(" (").append(file);
        f.line().ifPresent(line -> out.append(':').append(line));
        out.append(')');
      });
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * @return the trimmed trace in a fenced block of at most {@code room} characters. The fence
   *     outgrows any backtick run in the trace, so a trace full of them is trimmed again, shorter,
   *     rather than cut by {@link #fit} in the middle of its block.
   */
  private Optional<String> fencedTrace(String raw, int room) {
    int budget = room - 16;
    for (int tries = 0; tries < 3 && budget >= MIN_TRACE; tries++) {
      String block = Markdown.fenced("text", trimmer.trim(raw, budget));
      if (block.length() <= room) {
        return Optional.of(block);
      }
      budget -= block.length() - room;
    }
    return Optional.empty();
  }

  private static void facts(ErrorReport r, StringBuilder out) {
    row("Severity", r.severity().wireName(), out);
    row("Source", r.source().wireName(), out);
    row("Environment", r.environment(), out);
    r.appVersion().ifPresent(v -> row("App version (this report)", v.toString(), out));
    r.exceptionType().ifPresent(t -> row("Exception", t, out));
    r.traceId().ifPresent(t -> row("Trace id", t, out));
    r.requestId().ifPresent(t -> row("Request id", t, out));
    r.userId().ifPresent(t -> row("User id", t, out));
    r.role().ifPresent(t -> row("Role", t, out));
    row("Occurred at", r.occurredAt().toString(), out);
  }

  private static void row(String name, String value, StringBuilder out) {
    out.append("| ").append(name).append(" | ").append(Markdown.cell(value)).append(" |\n");
  }

  /** The count since the last report, the time span, and the latest sample's ids. */
  public String occurrenceComment(TrackedIssue row, Optional<QueuedReport> sample) {
    StringBuilder out = new StringBuilder();
    out.append("**").append(row.unreported()).append(row.unreported() == 1 ? " more occurrence"
        : " more occurrences").append("** since the last report, up to ")
        .append(row.lastSeen()).append(" (").append(row.occurrences()).append(" in all).\n");
    row.maxVersion().ifPresent(v -> out.append("\nNewest app version: `").append(v).append("`\n"));
    sample.ifPresent(s -> latest(s.report(), out));
    return fit(out.toString(), "\n" + toldMarker(row.fingerprint(), row.occurrences()) + "\n");
  }

  /** The reason for reopening: it came back in a newer version than the one it was closed in. */
  public String reopenComment(TrackedIssue row, Version newer, Optional<QueuedReport> sample) {
    String was = row.reportedVersion().map(v -> " (the newest version reported before was `" + v
        + "`)").orElse("");
    return "Reopened by thingyan: this error recurred in app version `" + newer + "` after the"
        + " issue was closed" + was + ".\n\n" + occurrenceComment(row, sample);
  }

  private static void latest(ErrorReport r, StringBuilder out) {
    out.append("\nLatest: ").append(r.severity().wireName()).append(", ")
        .append(Markdown.cell(r.environment()));
    r.traceId().ifPresent(t -> out.append(", trace id ").append(Markdown.cell(t)));
    r.requestId().ifPresent(t -> out.append(", request id ").append(Markdown.cell(t)));
    out.append(", at ").append(r.occurredAt()).append(".\n");
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "\n… (cut)";
  }

  private static String fit(String body, String tail) {
    int room = ReportLimits.ISSUE_BODY_CHARS - tail.length();
    return (body.length() <= room ? body : body.substring(0, room - 12) + "\n… (cut)\n") + tail;
  }
}

package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.NewIssue;
import dev.thingyan.ports.model.report.QueuedReport;
import dev.thingyan.ports.model.report.ReportLimits;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.model.report.TrackedIssue.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class IssueComposerTest {
  private static final String FP = "0123456789abcdef".repeat(4);
  private static final Instant T = Instant.parse("2025-04-01T10:15:30Z");
  private final IssueComposer composer = new IssueComposer(InAppRules.DEFAULT,
      List.of("/var/www/pms/"), List.of("thingyan", "bug"));
  private final ReportValidator validator = new ReportValidator(Clock.fixed(T, ZoneOffset.UTC));

  static TrackedIssue row(String title, long occurrences, long unreported) {
    return new TrackedIssue(FP, Status.NEW, OptionalLong.empty(), false, title, occurrences,
        unreported, T, T.plusSeconds(60), Optional.of(Version.parse("1.4.2")), Optional.empty(),
        Optional.empty(), 1, 0, Optional.empty());
  }

  private Optional<QueuedReport> sample(Map<String, Object> report) {
    return Optional.of(new QueuedReport(1, FP, validator.validate(report), T));
  }

  @Test
  void titleIsOneLineOfAtMost256Characters() {
    NewIssue issue = composer.issue(row("Check-in\nfails " + "x".repeat(1_000), 1, 1),
        sample(Reports.valid()));
    assertThat(issue.title()).hasSize(ReportLimits.ISSUE_TITLE_CHARS).endsWith("…")
        .startsWith("Check-in fails").doesNotContain("\n");
    assertThat(composer.issue(row("  ", 1, 1), Optional.empty()).title())
        .isEqualTo("Error " + FP.substring(0, 12));
  }

  @Test
  void aHalfMegabyteTraceIsTrimmedIntoABodyOfAtMost60000WithTheMarkerLast() {
    StringBuilder trace = new StringBuilder("java.lang.IllegalStateException: top failure\n");
    for (int i = 0; trace.length() < 500_000; i++) {
      trace.append(i % 3 == 0
          ? "\tat dev.thingyan.pms.Deep.call" + i + "(/var/www/pms/app/Deep.java:" + i + ")\n"
          : "\tat org.vendor.lib.Frame.run" + i + "(Frame.java:" + i + ")\n");
    }
    trace.append("Caused by: java.sql.SQLException: root cause here\n");
    trace.append("\tat dev.thingyan.pms.Db.query(/var/www/pms/app/Db.java:12)\n");
    Map<String, Object> report = Reports.with("stack_trace", trace.toString());

    NewIssue issue = composer.issue(row("Deep failure", 7, 7), sample(report));

    assertThat(issue.body().length()).isLessThanOrEqualTo(ReportLimits.ISSUE_BODY_CHARS)
        .isGreaterThan(50_000);
    assertThat(issue.body()).contains("top failure", "root cause here", "vendor frames",
        "characters trimmed", "| Occurrences | `7` |").doesNotContain("/var/www/pms/");
    assertThat(issue.body()).endsWith(IssueComposer.marker(FP) + "\n");
    assertThat(IssueComposer.fingerprintIn(issue.body())).contains(FP);
    assertFencesBalancedAndMarkerOutside(issue.body());
  }

  @Test
  void backtickRunsInTheTraceDoNotPushTheBodyOverOrBreakItsFences() {
    String line = "`".repeat(1_000);
    StringBuilder trace = new StringBuilder("Error: fenced\n");
    while (trace.length() < 300_000) {
      trace.append(line).append('\n').append("    at handler (/app/x.js:1:2)\n");
    }
    NewIssue issue = composer.issue(row("Fenced", 1, 1),
        sample(Reports.with("stack_trace", trace.toString())));
    assertThat(issue.body().length()).isLessThanOrEqualTo(ReportLimits.ISSUE_BODY_CHARS);
    assertFencesBalancedAndMarkerOutside(issue.body());
  }

  @Test
  void mentionsAndFencesInTheMessageStayInsideALongerFence() {
    String message = "see ```\n```\n@someone #12 <script>x</script>\n````` done";
    Map<String, Object> report = Reports.with("message", message);
    report.put("steps_to_reproduce", "1. ask @frontdesk-team\n2. ```boom```");
    report.put("context", Map.of("note", "ping @admin"));

    String body = composer.issue(row("Mentions", 1, 1), sample(report)).body();

    String opening = "``````text\n";
    assertThat(body).contains(opening + message + "\n``````\n");
    assertThat(body).contains("````text\n1. ask @frontdesk-team\n2. ```boom```\n````\n");
    assertFencesBalancedAndMarkerOutside(body);
    for (String mention : List.of("@someone", "@frontdesk-team", "@admin", "#12")) {
      assertThat(insideFence(body, body.indexOf(mention))).as(mention).isTrue();
    }
  }

  @Test
  void aMarkerQuotedInTheMessageDoesNotHideTheRealOne() {
    String forged = IssueComposer.marker("f".repeat(64));
    String body = composer.issue(row("Quoted", 1, 1),
        sample(Reports.with("message", "body was: " + forged))).body();
    assertThat(IssueComposer.fingerprintIn(body)).contains(FP);
    assertThat(IssueComposer.fingerprintIn("no marker here")).isEmpty();
    assertThat(IssueComposer.fingerprintIn(IssueComposer.marker("ABC"))).isEmpty();
  }

  @Test
  void labelsAreTheBotsPlusSeverityAndSource() {
    Map<String, Object> report = Reports.with("severity", "critical");
    report.put("source", "update");
    NewIssue issue = composer.issue(row("Update failed", 1, 1), sample(report));
    assertThat(issue.labels())
        .containsExactly("thingyan", "bug", "severity:critical", "source:update");
    assertThat(issue.body()).contains("### Run log (last lines)");
    assertThat(composer.issue(row("x", 1, 1), sample(Reports.valid())).labels())
        .containsExactly("thingyan", "bug", "severity:error", "source:backend");
    assertThat(composer.issue(row("x", 1, 1), Optional.empty()).labels())
        .containsExactly("thingyan", "bug");
  }

  @Test
  void tableCellsCannotBreakTheTableOrMention() {
    assertThat(Markdown.cell("a|b\n@x`y")).isEqualTo("`a\\|b @x'y`");
    assertThat(Markdown.cell("")).isEmpty();
    String body = composer.issue(row("x", 1, 1), sample(Reports.valid())).body();
    assertThat(body).contains("| Role | `front_desk` |", "| Severity | `error` |",
        "| App version (this report) | `1.4.2` |");
  }

  @Test
  void aBodyWithoutASampleStillCarriesCountsAndMarker() {
    String body = composer.issue(row("Pruned", 12, 12), Optional.empty()).body();
    assertThat(body).contains("| Occurrences | `12` |", "| Newest app version | `1.4.2` |")
        .endsWith(IssueComposer.marker(FP) + "\n");
  }

  @Test
  void commentsTellTheCountSinceTheLastReport() {
    assertThat(composer.occurrenceComment(row("x", 10, 1), Optional.empty()))
        .startsWith("**1 more occurrence** since the last report").contains("(10 in all)");
    String reopen = composer.reopenComment(row("x", 10, 4), Version.parse("1.5.0"),
        sample(Reports.valid()));
    assertThat(reopen).startsWith("Reopened by thingyan").contains("`1.5.0`",
        "**4 more occurrences**", "trace id `4bf92f3577b34da6a3ce929d0e0e4736`");
  }

  /** Walks the body as CommonMark reads fences: every fence closes and the marker is outside. */
  static void assertFencesBalancedAndMarkerOutside(String body) {
    int markerAt = body.lastIndexOf("<!-- thingyan:fingerprint=");
    assertThat(markerAt).isGreaterThanOrEqualTo(0);
    assertThat(insideFence(body, markerAt)).as("marker inside a code block").isFalse();
    assertThat(insideFence(body, body.length())).as("a fence is left open").isFalse();
  }

  /** @return whether the character at {@code index} is inside a backtick fenced block. */
  static boolean insideFence(String body, int index) {
    int open = 0;
    int pos = 0;
    for (String line : body.split("\n", -1)) {
      if (pos + line.length() >= index && pos <= index) {
        return open > 0 && !isFence(line);
      }
      int run = line.length() - line.replaceFirst("^`+", "").length();
      if (open == 0 && run >= 3) {
        open = run;
      } else if (open > 0 && run >= open && line.strip().chars().allMatch(c -> c == '`')) {
        open = 0;
      }
      pos += line.length() + 1;
    }
    return open > 0;
  }

  private static boolean isFence(String line) {
    return line.startsWith("```");
  }
}

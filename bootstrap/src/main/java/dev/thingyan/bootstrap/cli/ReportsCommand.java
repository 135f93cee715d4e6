package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.in.QueryErrorReports;
import dev.thingyan.ports.model.report.DeliveryState;
import dev.thingyan.ports.model.report.OutboxStats;
import dev.thingyan.ports.model.report.TrackedIssue;
import dev.thingyan.ports.model.report.WaitingError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code thingyan reports [--json]}: the outbox and the errors it tracks, with their issues;
 * {@code send}, {@code rebuild} and {@code retry} act on them.
 */
@Command(name = "reports",
    subcommands = {ReportsSendCommand.class, ReportsRebuildCommand.class,
        ReportsRetryCommand.class})
final class ReportsCommand implements Callable<Integer> {
  @ParentCommand ThingyanCommand root;

  @Option(names = "--json", descriptionKey = "opt.json")
  boolean json;

  @Option(names = "--limit", descriptionKey = "opt.reports_limit")
  int limit = 20;

  @Override
  public Integer call() {
    return Session.run(root, false, s -> {
      ReportSpoolDrain.drainQuietly(root, s);
      QueryErrorReports q = s.system.queryErrorReports();
      OutboxStats stats = q.stats();
      DeliveryState state = q.deliveryState();
      List<TrackedIssue> issues = q.issues(Math.max(1, limit));
      List<WaitingError> waiting = q.waiting(10_000).stream().limit(Math.max(1, limit)).toList();
      if (json) {
        Map<String, Object> doc = new LinkedHashMap<>();
        // named for what they count: "delivered" read as "sent to GitHub", which it is not
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("pending", stats.pending());
        counts.put("folded_into_errors", stats.delivered());
        counts.put("errors_with_issue", stats.issues());
        counts.put("occurrences_not_yet_on_github", stats.unreported());
        counts.put("rejected", stats.rejected());
        doc.put("stats", counts);
        doc.put("delivery", state);
        doc.put("waiting", waiting.stream().map(ReportsCommand::waiting).toList());
        doc.put("errors", issues.stream().map(ReportsCommand::error).toList());
        s.out.println(Json.write(doc));
        return ExitCodes.OK;
      }
      s.out.println(s.messages.get("reports.stats", stats.pending(), stats.issues(),
          stats.unreported(), stats.rejected()));
      state.pausedUntil().ifPresent(t -> s.out.println(s.messages.get("reports.paused",
          s.views.time(t), root.mask(state.lastError().orElse("")))));
      if (!waiting.isEmpty()) {
        s.out.println(s.messages.get("reports.waiting_header"));
      }
      for (WaitingError w : waiting) {
        s.out.println(s.messages.get("reports.waiting_row", w.fingerprint().substring(0, 12),
            w.issueNumber().isPresent() ? "#" + w.issueNumber().getAsLong() : "-", w.count(),
            s.views.time(w.lastSeen()), Terminal.safe(cut(w.title()))));
      }
      for (TrackedIssue t : issues) {
        s.out.println(s.messages.get("reports.row", t.fingerprint().substring(0, 12),
            t.issueNumber().isPresent() ? "#" + t.issueNumber().getAsLong() : "-",
            s.messages.get("reports.status." + t.status().name().toLowerCase(java.util.Locale.ROOT)),
            t.occurrences(), s.views.time(t.lastSeen()), Terminal.safe(cut(t.title()))));
        t.lastError().filter(e -> t.status() != TrackedIssue.Status.LINKED)
            .ifPresent(e -> s.out.println("    " + Terminal.safe(root.mask(e))));
      }
      return ExitCodes.OK;
    });
  }

  private static Map<String, Object> waiting(WaitingError w) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("fingerprint", w.fingerprint());
    e.put("title", w.title());
    e.put("count", w.count());
    e.put("last_seen", w.lastSeen().toString());
    e.put("issue_number", w.issueNumber().isPresent() ? w.issueNumber().getAsLong() : null);
    return e;
  }

  /** One error as the JSON lists it: a number or null for its issue, its state by name. */
  private static Map<String, Object> error(TrackedIssue t) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("fingerprint", t.fingerprint());
    e.put("title", t.title());
    e.put("state", t.status().name().toLowerCase(java.util.Locale.ROOT));
    e.put("issue_number", t.issueNumber().isPresent() ? t.issueNumber().getAsLong() : null);
    e.put("sent_to_github", t.issueNumber().isPresent());
    e.put("closed", t.closed());
    e.put("count", t.occurrences());
    e.put("not_yet_on_github", t.unreported());
    e.put("first_seen", t.firstSeen().toString());
    e.put("last_seen", t.lastSeen().toString());
    e.put("last_error", t.lastError().orElse(null));
    return e;
  }

  private static String cut(String title) {
    return title.length() <= 70 ? title : title.substring(0, 69) + "…";
  }
}

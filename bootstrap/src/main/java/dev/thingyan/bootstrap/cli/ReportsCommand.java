package dev.thingyan.bootstrap.cli;

import dev.thingyan.ports.in.QueryErrorReports;
import dev.thingyan.ports.model.report.DeliveryState;
import dev.thingyan.ports.model.report.OutboxStats;
import dev.thingyan.ports.model.report.TrackedIssue;
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

  @Option(names = "--limit", descriptionKey = "opt.limit")
  int limit = 20;

  @Override
  public Integer call() {
    return Session.run(root, false, s -> {
      ReportSpoolDrain.drainQuietly(root, s);
      QueryErrorReports q = s.system.queryErrorReports();
      OutboxStats stats = q.stats();
      DeliveryState state = q.deliveryState();
      List<TrackedIssue> issues = q.issues(Math.max(1, limit));
      if (json) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("stats", stats);
        doc.put("delivery", state);
        doc.put("errors", issues);
        s.out.println(Json.write(doc));
        return ExitCodes.OK;
      }
      s.out.println(s.messages.get("reports.stats", stats.pending(), stats.issues(),
          stats.unreported(), stats.rejected()));
      state.pausedUntil().ifPresent(t -> s.out.println(s.messages.get("reports.paused",
          s.views.time(t), root.mask(state.lastError().orElse("")))));
      for (TrackedIssue t : issues) {
        s.out.println(s.messages.get("reports.row", t.fingerprint().substring(0, 12),
            t.issueNumber().isPresent() ? "#" + t.issueNumber().getAsLong() : "-",
            s.messages.get("reports.status." + t.status().name().toLowerCase(java.util.Locale.ROOT)),
            t.occurrences(), s.views.time(t.lastSeen()), cut(t.title())));
        t.lastError().filter(e -> t.status() != TrackedIssue.Status.LINKED)
            .ifPresent(e -> s.out.println("    " + root.mask(e)));
      }
      return ExitCodes.OK;
    });
  }

  private static String cut(String title) {
    return title.length() <= 70 ? title : title.substring(0, 69) + "…";
  }
}

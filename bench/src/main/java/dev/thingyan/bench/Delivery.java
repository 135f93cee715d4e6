package dev.thingyan.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.thingyan.adapter.github.GitHubIssueTracker;
import dev.thingyan.adapter.github.GitHubIssuesConfig;
import dev.thingyan.adapter.github.fake.FakeGitHubIssues;
import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.adapter.jdbc.journal.JournalDatabase;
import dev.thingyan.domain.report.ErrorReports;
import dev.thingyan.domain.report.ReportSettings;
import dev.thingyan.domain.report.Sleeper;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.report.DeliveryPass;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The other figure the issue asks for: GitHub write calls per 10,000 reports of 10 distinct
 * errors. The reports go into a fresh H2 journal, then one delivery pass sends them to a loopback
 * fake GitHub with the default settings (1 s between writes, one comment per error per hour).
 */
final class Delivery {
  private static final String TOKEN = "ghp_benchToken0123456789abcdefghijklmno";

  private Delivery() {}

  static void toFakeGitHub(Path dir, int reports, IntFunction<Map<String, Object>> report) {
    Clock clock = Clock.systemUTC();
    try (FakeGitHubIssues github = FakeGitHubIssues.start("acme/pms", TOKEN);
        HikariDataSource ds = DataSources.journalPool(
            new ConnectionSettings(DataSources.h2FileUrl(dir), "", ""))) {
      JournalDatabase journal = JournalDatabase.open(ds, clock);
      GitHubIssueTracker tracker = new GitHubIssueTracker(new GitHubIssuesConfig(github.baseUrl(),
          "acme/pms", () -> TOKEN, Duration.ofSeconds(10), Duration.ofSeconds(30), "bench"));
      ErrorReports system = new ErrorReports(journal.reportOutbox(), Optional.of(tracker),
          journal.auditTrail(), ReportSettings.defaults(List.of("thingyan"), "bench"), clock,
          Sleeper.of(clock));
      Actor actor = new Actor("bench");
      for (int i = 0; i < reports; i++) {
        system.submit(actor, report.apply(i));
      }
      long t0 = System.nanoTime();
      DeliveryPass pass = system.deliver(Instant.now().plusSeconds(120));
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("delivery of %d reports of %d errors to a loopback GitHub: %d write"
          + " requests (%d issues created, %d comments), %d requests in all, %.1f s (1 s between"
          + " writes)%n", reports, github.issues().size(), github.writeRequests(), pass.created(),
          pass.commented(), github.requests().size(), seconds);
    }
  }
}

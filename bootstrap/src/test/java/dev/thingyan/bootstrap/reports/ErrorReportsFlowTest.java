package dev.thingyan.bootstrap.reports;

import static dev.thingyan.bootstrap.reports.ReportsSite.TOKEN;
import static dev.thingyan.bootstrap.reports.ReportsSite.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.adapter.github.fake.FakeGitHubIssues;
import dev.thingyan.adapter.github.fake.FakeIssue;
import dev.thingyan.domain.report.IssueComposer;
import dev.thingyan.ports.model.report.DeliveryPass;
import dev.thingyan.ports.model.report.OutboxStats;
import dev.thingyan.ports.model.report.TrackedIssue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports through the wired system (H2 journal, Feign client) to a loopback GitHub: the issue's
 * promises — one issue per error however many reports, bounded comments, nothing lost while
 * GitHub is down or rate-limited, no duplicate after a failed or lost create, reopening.
 */
class ErrorReportsFlowTest {
  private static final Pattern MORE = Pattern.compile("\\*\\*(\\d+) more occurrences?\\*\\*");
  private static final Pattern COUNT = Pattern.compile("\\| Occurrences \\| `(\\d+)` \\|");

  @TempDir Path dir;
  FakeGitHubIssues github;
  ReportsSite site;

  @BeforeEach
  void start() {
    github = FakeGitHubIssues.start("acme/pms", TOKEN);
  }

  @AfterEach
  void stop() {
    if (site != null) {
      site.close();
    }
    github.close();
  }

  private ReportsSite site(String reportsYaml) {
    site = new ReportsSite(dir.resolve("site"), github, TOKEN, reportsYaml);
    return site;
  }

  @Test
  void tenThousandIdenticalReportsMakeOneIssueAndCommentsThatCountEveryOccurrence()
      throws Exception {
    site("  comment_interval: 2s\n");
    submitConcurrently(10_000, "QueryException", "1.4.0");
    DeliveryPass first = site.deliver(Duration.ofSeconds(30));

    assertThat(github.issues()).hasSize(1);
    assertThat(first.created()).isEqualTo(1);
    assertThat(first.writes()).isEqualTo(1);
    FakeIssue issue = github.issues().get(0);
    assertThat(count(COUNT, issue.body())).isEqualTo(10_000);

    long told = 10_000;
    for (int round = 0; round < 3; round++) {
      submitConcurrently(1_000, "QueryException", "1.4.0");
      site.deliver(Duration.ofSeconds(5));
    }
    Thread.sleep(2_100);
    site.deliver(Duration.ofSeconds(5));
    FakeIssue after = github.issue(issue.number()).orElseThrow();
    for (String comment : after.comments()) {
      told += count(MORE, comment);
    }
    assertThat(github.issues()).hasSize(1);
    assertThat(told).as("every occurrence told exactly once").isEqualTo(13_000);
    // 3 rounds within a few seconds, at most one comment per 2 s interval (and one at the end)
    assertThat(after.comments()).hasSizeBetween(1, 4);
    assertThat(site.system.queryErrorReports().stats().unreported()).isZero();
  }

  @Test
  void tenErrorsTimesAThousandReportsCostTenWrites() throws Exception {
    site("");
    for (int e = 0; e < 10; e++) {
      submitConcurrently(1_000, "Error" + e + "Exception", "1.4.0");
    }
    DeliveryPass pass = site.deliver(Duration.ofSeconds(60));

    assertThat(github.issues()).hasSize(10);
    assertThat(github.writeRequests()).isEqualTo(10);
    assertThat(pass.writes()).isEqualTo(10);
    System.out.println("GitHub write calls per 10,000 reports of 10 errors: "
        + github.writeRequests());
  }

  @Test
  void writesAreSpacedAtLeastOneSecondApart() throws Exception {
    site("");
    for (int e = 0; e < 4; e++) {
      site.submit(report("Spaced" + e + "Exception", "1.4.0", e));
    }
    site.deliver(Duration.ofSeconds(30));

    List<FakeGitHubIssues.Exchange> writes = github.exchanges().stream()
        .filter(x -> x.request().isWrite()).toList();
    assertThat(writes).hasSize(4);
    for (int i = 1; i < writes.size(); i++) {
      assertThat(Duration.between(writes.get(i - 1).at(), writes.get(i).at()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }
  }

  @Test
  void nothingIsLostWhileGitHubIsDownAndAllArrivesAfter() throws Exception {
    site("");
    github.goDown(FakeGitHubIssues.Outage.REFUSE_CONNECTIONS);
    for (int e = 0; e < 3; e++) {
      for (int i = 0; i < 50; i++) {
        site.submit(report("Down" + e + "Exception", "1.4.0", i));
      }
    }
    DeliveryPass down = site.deliver(Duration.ofSeconds(2));
    assertThat(down.lastError()).isPresent();
    assertThat(down.pausedUntil()).isPresent();
    site.restart();
    OutboxStats kept = site.system.queryErrorReports().stats();
    assertThat(kept.pending() + site.system.queryErrorReports().issues(10).stream()
        .mapToLong(TrackedIssue::unreported).sum()).isEqualTo(150);

    github.goDown(FakeGitHubIssues.Outage.ANSWER_503);
    site.deliver(Duration.ofSeconds(7));
    assertThat(github.issues()).isEmpty();
    github.comeBack();
    site.deliver(Duration.ofSeconds(40));

    assertThat(github.issues()).hasSize(3);
    assertThat(github.issues()).allSatisfy(i -> assertThat(count(COUNT, i.body())).isEqualTo(50));
  }

  @Test
  void aSecondaryRateLimitIsWaitedOutWithoutADuplicate() throws Exception {
    site("");
    github.secondaryRateLimitNextWrites(1, Duration.ofSeconds(2));
    site.submit(report("LimitedException", "1.4.0", 1));
    site.submit(report("OtherException", "1.4.0", 2));

    DeliveryPass limited = site.deliver(Duration.ofSeconds(1));
    assertThat(limited.pausedUntil()).isPresent();
    assertThat(github.issues()).isEmpty();
    DeliveryPass resumed = site.deliver(Duration.ofSeconds(30));

    assertThat(resumed.created()).isEqualTo(2);
    assertThat(github.issues()).extracting(FakeIssue::title).doesNotHaveDuplicates().hasSize(2);
    assertThat(github.exchanges()).anySatisfy(x -> assertThat(x.status()).isEqualTo(403));
  }

  @Test
  void aCreateWhoseAnswerWasLostIsFoundByItsMarkerNotCreatedAgain() throws Exception {
    site("");
    site.submit(report("LostAnswerException", "1.4.0", 1));
    github.loseNextAnswers(1);
    DeliveryPass lost = site.deliver(Duration.ofSeconds(10));
    assertThat(lost.lastError()).isPresent();
    assertThat(github.issues()).hasSize(1);
    site.restart();

    site.deliver(Duration.ofSeconds(30));

    assertThat(github.issues()).hasSize(1);
    assertThat(github.exchanges()).filteredOn(x -> x.request().method().equals("POST")).hasSize(1);
    assertThat(site.system.queryErrorReports().issues(10)).singleElement().satisfies(t -> {
      assertThat(t.status()).isEqualTo(TrackedIssue.Status.LINKED);
      assertThat(t.issueNumber()).hasValue(github.issues().get(0).number());
    });
  }

  @Test
  void theLargestReportAcceptedIsTrimmedBeforeSendingSoGitHubNever422s() throws Exception {
    site("  base_paths: [/srv/pms/]\n");
    Map<String, Object> huge = report("HugeException", "1.4.0", 1);
    huge.put("title", "Room rates failed to load ".repeat(39));
    huge.put("message", "SQLSTATE[HY000]: General error ```` @someone #12 ".repeat(1_300));
    StringBuilder trace = new StringBuilder();
    for (int i = 0; trace.length() < 480_000; i++) {
      trace.append(i % 7 == 0 ? "#" + i + " /srv/pms/app/Services/Rates.php(" + i + "): App\\Rates->load()\n"
          : "#" + i + " /srv/pms/vendor/laravel/framework/src/Pipeline.php(" + i + "): Closure()\n");
    }
    huge.put("stack_trace", trace.toString());
    site.submit(huge);

    DeliveryPass pass = site.deliver(Duration.ofSeconds(10));

    assertThat(pass.created()).isEqualTo(1);
    assertThat(github.exchanges()).noneMatch(x -> x.status() == 422);
    FakeIssue issue = github.issues().get(0);
    assertThat(issue.title()).hasSizeLessThanOrEqualTo(256).startsWith("Room rates failed");
    assertThat(issue.body()).hasSizeLessThanOrEqualTo(60_000)
        .contains("vendor frames").doesNotContain("/srv/pms/");
    assertThat(IssueComposer.fingerprintIn(issue.body())).isPresent();
    assertThat(issue.body().strip()).endsWith("-->");
  }

  @Test
  void aClosedIssueIsReopenedOnlyWhenTheErrorComesBackInANewerVersion() throws Exception {
    site("  comment_interval: 1s\n");
    site.submit(report("RegressionException", "1.4.0", 1));
    site.deliver(Duration.ofSeconds(10));
    long number = github.issues().get(0).number();
    github.closeIssue(number);

    Thread.sleep(1_100);
    site.submit(report("RegressionException", "1.4.0", 2));
    site.deliver(Duration.ofSeconds(10));
    FakeIssue sameVersion = github.issue(number).orElseThrow();
    assertThat(sameVersion.open()).isFalse();
    assertThat(sameVersion.comments()).hasSize(1);

    Thread.sleep(1_100);
    site.submit(report("RegressionException", "1.5.0", 3));
    site.deliver(Duration.ofSeconds(10));
    FakeIssue newer = github.issue(number).orElseThrow();
    assertThat(newer.open()).isTrue();
    assertThat(newer.comments()).hasSize(2);
    assertThat(newer.comments().get(1)).contains("Reopened").contains("1.5.0");
    assertThat(github.issues()).hasSize(1);
  }

  @Test
  void aLostMapIsRebuiltFromTheMarkersInsteadOfFilingASecondIssue() throws Exception {
    site("");
    site.submit(report("RebuiltException", "1.4.0", 1));
    site.deliver(Duration.ofSeconds(10));
    site.close();
    // a new journal (the old one was lost): same GitHub, same error
    site = new ReportsSite(dir.resolve("fresh"), github, TOKEN, "");
    site.submit(report("RebuiltException", "1.4.0", 2));
    site.deliver(Duration.ofSeconds(10));

    assertThat(github.issues()).hasSize(1);
    assertThat(site.system.queryErrorReports().issues(10)).singleElement()
        .satisfies(t -> assertThat(t.issueNumber()).hasValue(github.issues().get(0).number()));
  }

  private void submitConcurrently(int n, String type, String version) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        int occurrence = i;
        futures.add(pool.submit(() -> site.submit(report(type, version, occurrence))));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static long count(Pattern p, String text) {
    Matcher m = p.matcher(text);
    long sum = 0;
    while (m.find()) {
      sum += Long.parseLong(m.group(1));
    }
    return sum;
  }
}

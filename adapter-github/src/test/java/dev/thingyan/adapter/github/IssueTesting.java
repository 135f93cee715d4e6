package dev.thingyan.adapter.github;

import dev.thingyan.adapter.github.fake.FakeGitHubIssues;
import dev.thingyan.ports.model.report.NewIssue;
import dev.thingyan.ports.out.IssueTrackerException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A tracker pointed at a loopback server, with the test token. */
final class IssueTesting {
  static final String REPOSITORY = "acme/pms";
  static final String TOKEN = Fixtures.TOKEN;
  static final Instant START = Instant.parse("2025-04-13T09:00:00Z");

  private IssueTesting() {}

  static GitHubIssuesConfig config(URI apiBase) {
    return new GitHubIssuesConfig(apiBase, REPOSITORY, () -> TOKEN, Duration.ofSeconds(2),
        Duration.ofSeconds(5), "thingyan-test");
  }

  static GitHubIssueTracker tracker(FakeGitHubIssues github, Clock clock) {
    return new GitHubIssueTracker(config(github.baseUrl()), clock);
  }

  static FakeGitHubIssues fake(Clock clock) {
    return FakeGitHubIssues.start(REPOSITORY, TOKEN, clock);
  }

  static NewIssue newIssue(String title) {
    return new NewIssue(title, "Stack trace\n  at App.main", List.of("thingyan", "crash"));
  }

  /** The message, the exception's text with its causes, and what toString gives: none may hold the token. */
  static String everythingSaid(IssueTrackerException e) {
    StringBuilder all = new StringBuilder(String.valueOf(e));
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append('\n').append(t).append('\n').append(t.getMessage());
    }
    return all.toString();
  }
}

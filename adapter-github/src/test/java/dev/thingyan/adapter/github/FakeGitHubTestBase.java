package dev.thingyan.adapter.github;

import dev.thingyan.adapter.github.fake.FakeGitHubIssues;
import org.junit.jupiter.api.AfterEach;

/** A tracker pointed at a fresh loopback GitHub Issues fake on a movable clock, closed after each test. */
abstract class FakeGitHubTestBase {
  final MovableClock clock = new MovableClock(IssueTesting.START);
  final FakeGitHubIssues github = IssueTesting.fake(clock);
  final GitHubIssueTracker tracker = IssueTesting.tracker(github, clock);

  @AfterEach
  void stopFake() {
    github.close();
  }
}

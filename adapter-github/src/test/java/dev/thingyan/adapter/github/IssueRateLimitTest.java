package dev.thingyan.adapter.github;

import static dev.thingyan.adapter.github.IssueTesting.START;
import static dev.thingyan.adapter.github.IssueTesting.newIssue;
import static dev.thingyan.adapter.github.IssueTrackerErrorsTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.out.IssueTrackerException;
import dev.thingyan.ports.out.IssueTrackerException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GitHub's rate limits as its documentation describes them: {@code retry-after} seconds first,
 * then {@code x-ratelimit-reset} when {@code x-ratelimit-remaining} is 0, otherwise at least a
 * minute for a secondary limit; and nothing sent while a limit is known to hold.
 */
class IssueRateLimitTest extends FakeGitHubTestBase {

  @Test
  void secondaryLimitWithRetryAfterHoldsEveryRequestUntilThen() {
    github.secondaryRateLimitNextWrites(1, Duration.ofSeconds(30));

    IssueTrackerException limited = fails(() -> tracker.create(newIssue("Crash")));
    IssueTrackerException held = fails(() -> tracker.get(1));

    assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(limited.status()).isEqualTo(403);
    assertThat(limited.retryAt()).contains(START.plusSeconds(30));
    assertThat(limited.getMessage()).contains("secondary rate limit",
        "HTTP 403: You have exceeded a secondary rate limit", "Send nothing before 2025-04-13T09:00:30Z");
    assertThat(held.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(held.status()).isZero();
    assertThat(held.retryAt()).contains(START.plusSeconds(30));
    assertThat(held.getMessage()).contains("was not sent");
    assertThat(github.requests()).hasSize(1);

    clock.advance(Duration.ofSeconds(30));
    assertThat(tracker.create(newIssue("Crash")).number()).isEqualTo(1);
    assertThat(github.writeRequests()).isEqualTo(2);
    assertThat(github.issues()).hasSize(1);
  }

  @Test
  void secondaryLimitWithoutRetryAfterWaitsAMinute() {
    github.secondaryRateLimitNextWritesWithoutRetryAfter(1);

    IssueTrackerException e = fails(() -> tracker.comment(1, "again"));

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAt()).contains(START.plus(IssueErrors.SECONDARY_WAIT));
  }

  @Test
  void primaryLimitUsedUpWaitsForTheReset() {
    Instant reset = START.plus(Duration.ofMinutes(10));
    github.primaryRateLimit(0, reset);

    IssueTrackerException e = fails(() -> tracker.get(1));

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAt()).contains(reset);
    assertThat(e.getMessage()).contains("API rate limit for this token is used up", "API rate limit exceeded");
  }

  @Test
  void aSuccessfulAnswerThatUsesUpTheLimitHoldsLaterCallsWithoutSendingThem() {
    Instant reset = START.plus(Duration.ofMinutes(15));
    github.openIssue("Crash", "", java.util.List.of());
    github.primaryRateLimit(1, reset);

    assertThat(tracker.get(1).open()).isTrue();
    IssueTrackerException held = fails(() -> tracker.comment(1, "again"));

    assertThat(held.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(held.retryAt()).contains(reset);
    assertThat(github.requests()).hasSize(1);
    assertThat(github.writeRequests()).isZero();

    clock.advance(Duration.ofMinutes(15));
    tracker.comment(1, "again");
    assertThat(github.issue(1).orElseThrow().comments()).containsExactly("again");
  }

  @Test
  void headersAndMessagesAreReadAsGitHubDocumentsThem() {
    try (GitHubReplayServer replay = GitHubReplayServer.start()) {
      String secondary = "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}";
      answer(replay, 1, 429, Map.of("retry-after", "120"), "");
      answer(replay, 2, 429, Map.of(), "");
      answer(replay, 3, 403, Map.of(), secondary);
      answer(replay, 4, 403, Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset",
          "" + START.plusSeconds(900).getEpochSecond()), "{\"message\":\"API rate limit exceeded\"}");
      answer(replay, 5, 403, Map.of("x-ratelimit-remaining", "0",
          "x-ratelimit-reset", "" + START.plus(Duration.ofDays(30)).getEpochSecond()), "");
      answer(replay, 6, 403, Map.of("retry-after", "30", "x-ratelimit-remaining", "0",
          "x-ratelimit-reset", "" + START.plusSeconds(900).getEpochSecond()), secondary);
      Map<Long, Instant> expected = Map.of(1L, START.plusSeconds(120), 2L, START.plusSeconds(60),
          3L, START.plusSeconds(60), 4L, START.plusSeconds(900),
          5L, START.plus(IssueErrors.LONGEST_WAIT), // a reset a month away is not believed
          6L, START.plusSeconds(30)); // retry-after comes first

      expected.forEach((issue, retryAt) -> {
        // a tracker each: the first limit would otherwise hold the later requests
        GitHubIssueTracker t = new GitHubIssueTracker(IssueTesting.config(replay.baseUrl()), clock);
        IssueTrackerException e = fails(() -> t.get(issue));
        assertThat(e.kind()).as("issue %d", issue).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAt()).as("issue %d", issue).contains(retryAt);
      });
      assertThat(replay.requests()).hasSize(6);
    }
  }

  private static void answer(GitHubReplayServer replay, long issue, int status,
      Map<String, String> headers, String body) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("content-type", "application/json; charset=utf-8");
    replay.respond("GET", "/repos/acme/pms/issues/" + issue, status, all, body.getBytes());
  }
}

package dev.thingyan.adapter.github;

import static dev.thingyan.adapter.github.IssueTesting.TOKEN;
import static dev.thingyan.adapter.github.IssueTesting.everythingSaid;
import static dev.thingyan.adapter.github.IssueTesting.newIssue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.thingyan.adapter.github.fake.FakeGitHubIssues;
import dev.thingyan.ports.out.IssueTrackerException;
import dev.thingyan.ports.out.IssueTrackerException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every failure becomes the kind the caller can act on, with a message that says what happened
 * and what to do, and never the token.
 */
class IssueTrackerErrorsTest extends FakeGitHubTestBase {

  @Test
  void wrongTokenIsUnauthorized() {
    GitHubIssueTracker wrong = new GitHubIssueTracker(new GitHubIssuesConfig(github.baseUrl(),
        "acme/pms", () -> "ghp_wrongTokenValue42", Duration.ofSeconds(2), Duration.ofSeconds(5), "t"));

    IssueTrackerException e = fails(() -> wrong.create(newIssue("Crash")));

    assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage()).contains("HTTP 401: Bad credentials", "POST /repos/acme/pms/issues",
        "Issues read and write").doesNotContain("ghp_wrongTokenValue42");
    assertThat(github.issues()).isEmpty();
  }

  @Test
  void forbiddenWithoutRateLimitIsUnauthorized() {
    github.failNext(403);

    IssueTrackerException e = fails(() -> tracker.create(newIssue("Crash")));

    assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
    assertThat(e.retryAt()).isEmpty();
    assertThat(e.getMessage()).contains("HTTP 403", "may not write issues in acme/pms");
  }

  @Test
  void unknownIssueIsNotFoundAndGoneIsToo() {
    IssueTrackerException missing = fails(() -> tracker.get(42));
    github.failNext(410);
    IssueTrackerException gone = fails(() -> tracker.create(newIssue("Crash")));

    assertThat(missing.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.getMessage()).contains("HTTP 404: Not Found", "GET /repos/acme/pms/issues/42");
    assertThat(gone.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(gone.getMessage()).contains("HTTP 410", "issues are disabled in acme/pms");
  }

  @Test
  void validationFailedIsRejectedWithGitHubsMessageAndErrors() {
    github.failNext(422);

    IssueTrackerException e = fails(() -> tracker.create(newIssue("Crash")));

    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.getMessage()).contains("Validation Failed", "Issue.labels invalid", "would fail again");
  }

  @Test
  void otherClientErrorsAreRejected() {
    github.failNext(400);

    assertThat(fails(() -> tracker.comment(1, "again")).kind()).isEqualTo(Kind.REJECTED);
  }

  @Test
  void serverErrorsAndOutagesAreUnavailable() {
    github.failNext(500);
    IssueTrackerException serverError = fails(() -> tracker.create(newIssue("Crash")));
    github.goDown(FakeGitHubIssues.Outage.ANSWER_503);
    IssueTrackerException down = fails(() -> tracker.create(newIssue("Crash")));
    github.goDown(FakeGitHubIssues.Outage.REFUSE_CONNECTIONS);
    IssueTrackerException refused = fails(() -> tracker.create(newIssue("Crash")));
    github.comeBack();

    assertThat(serverError.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(serverError.getMessage()).contains("HTTP 500: Server Error", "may or may not have taken effect");
    assertThat(down.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(down.status()).isEqualTo(503);
    assertThat(refused.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(refused.status()).isZero();
    assertThat(refused.getMessage()).contains("Could not connect to GitHub at " + github.baseUrl(),
        "creating an issue", "network");
    assertThat(tracker.create(newIssue("Crash")).number()).isEqualTo(1);
    assertThat(github.issues()).hasSize(1);
  }

  @Test
  void noAnswerWithinTheReadTimeoutIsUnavailable() {
    GitHubIssueTracker impatient = new GitHubIssueTracker(IssueTesting.config(github.baseUrl())
        .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)), clock);
    github.latency(Duration.ofMillis(1_500));

    IssueTrackerException e = fails(() -> impatient.get(1));

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.getMessage()).contains("did not answer within PT0.3S", "getting issue #1");
  }

  @Test
  void aMissingOrBrokenTokenStopsTheRequestBeforeAnythingIsSent() {
    List<Supplier<String>> broken = List.of(() -> "  \n", () -> null, () -> "ghp_a b",
        () -> { throw new IllegalStateException("cannot read /etc/thingyan/token: " + TOKEN); });
    for (Supplier<String> token : broken) {
      GitHubIssueTracker t = new GitHubIssueTracker(new GitHubIssuesConfig(github.baseUrl(),
          "acme/pms", token, Duration.ofSeconds(1), Duration.ofSeconds(1), "t"));

      IssueTrackerException e = fails(() -> t.create(newIssue("Crash")));

      assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
      assertThat(e.getMessage()).contains("GitHub token for issues", "nothing was sent");
      assertThat(everythingSaid(e)).doesNotContain(TOKEN);
    }
    assertThat(github.requests()).isEmpty();
  }

  @Test
  void theTokenIsNeverInAnyMessageEvenWhenAServerEchoesIt() {
    List<IssueTrackerException> all = new java.util.ArrayList<>();
    for (int status : new int[] {400, 403, 422, 500, 502}) {
      github.failNext(status);
      all.add(fails(() -> tracker.create(newIssue("Crash"))));
    }
    all.add(fails(() -> tracker.get(99)));
    github.goDown(FakeGitHubIssues.Outage.REFUSE_CONNECTIONS);
    all.add(fails(() -> tracker.listLabelled(List.of("thingyan"), Optional.empty())));
    github.comeBack();
    try (GitHubReplayServer echo = GitHubReplayServer.start()) {
      echo.respond("GET", "/repos/acme/pms/issues/1", 401, Map.of("content-type", "application/json"),
          ("{\"message\":\"Bad credentials: Bearer " + TOKEN + "\"}").getBytes());
      all.add(fails(() -> new GitHubIssueTracker(IssueTesting.config(echo.baseUrl())).get(1)));
      assertThat(all.get(all.size() - 1).getMessage()).contains("Bad credentials: Bearer ***");
      // a parse error quotes the answer: the cause that would show it in a stack trace is dropped
      echo.respond("GET", "/repos/acme/pms/issues/2", 200, Map.of("content-type", "application/json"),
          ("{\"number\": " + TOKEN + "}").getBytes());
      all.add(fails(() -> new GitHubIssueTracker(IssueTesting.config(echo.baseUrl())).get(2)));
      assertThat(all.get(all.size() - 1).kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    assertThat(all).hasSize(9).allSatisfy(e -> assertThat(everythingSaid(e)).doesNotContain(TOKEN));
  }

  static IssueTrackerException fails(Runnable call) {
    return catchThrowableOfType(IssueTrackerException.class, call::run);
  }
}

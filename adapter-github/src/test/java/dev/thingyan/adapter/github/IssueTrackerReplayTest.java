package dev.thingyan.adapter.github;

import static dev.thingyan.adapter.github.IssueTrackerErrorsTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thingyan.ports.model.report.NewIssue;
import dev.thingyan.ports.model.report.RemoteIssue;
import dev.thingyan.ports.out.IssueTrackerException;
import dev.thingyan.ports.out.IssueTrackerException.Kind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tracker reads what GitHub really sent (the recorded octokit fixtures). */
class IssueTrackerReplayTest {
  private static final String ORG = "octokit-fixture-org/";
  private final GitHubReplayServer github = GitHubReplayServer.start();

  @AfterEach
  void stop() {
    github.close();
  }

  @Test
  void createsAnIssueFromTheRecordedAnswer() {
    github.replay("add-labels-to-issue.json");

    RemoteIssue created = tracker("add-labels-to-issue")
        .create(new NewIssue("Issue without a label", "", List.of()));

    assertThat(created).isEqualTo(new RemoteIssue(1, true,
        "https://github.com/octokit-fixture-org/add-labels-to-issue/issues/1", ""));
    assertThat(github.requests()).hasSize(1);
    assertThat(github.requests().get(0).header("authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
  }

  @Test
  void recordedValidationFailedIsRejectedWithItsErrors() {
    JsonNode recorded = Fixtures.exchange("errors.json", 0);
    github.respond("POST", "/repos/octokit-fixture-org/errors/issues", 422, json(),
        Fixtures.bytes(recorded.path("response")));

    IssueTrackerException e = fails(() -> tracker("errors").create(new NewIssue("t", "b", List.of("x"))));

    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    assertThat(e.getMessage()).contains("HTTP 422: Validation Failed; errors: Label.color invalid");
  }

  @Test
  void followsTheRecordedLinkPaginationThroughFivePages() {
    github.replay("paginate-issues.json");
    JsonNode first = Fixtures.exchange("paginate-issues.json", 0);
    github.respond("GET", "/repos/octokit-fixture-org/paginate-issues/issues?state=all&per_page=100",
        200, Map.of("content-type", "application/json; charset=utf-8",
            "link", first.path("headers").path("link").asText()), Fixtures.bytes(first.path("response")));

    List<RemoteIssue> issues = tracker("paginate-issues").listLabelled(List.of(), Optional.empty());

    assertThat(issues).extracting(RemoteIssue::number)
        .containsExactly(13L, 12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
    assertThat(issues).allMatch(RemoteIssue::open);
    assertThat(github.requests()).hasSize(5);
  }

  @Test
  void leavesOutPullRequestsListedAmongIssues() {
    ArrayNode page = Fixtures.exchange("paginate-issues.json", 4).path("response").deepCopy();
    ObjectNode pr = ((ObjectNode) page.get(0).deepCopy()).put("number", 14);
    pr.putObject("pull_request").put("url", GitHubReplayServer.API + "/repos/" + ORG + "paginate-issues/pulls/14");
    page.add(pr);
    github.respond("GET", "/repos/octokit-fixture-org/paginate-issues/issues?labels=bug&state=all&per_page=100",
        200, json(), Fixtures.bytes(page));

    List<RemoteIssue> issues = tracker("paginate-issues").listLabelled(List.of("bug"), Optional.empty());

    assertThat(issues).extracting(RemoteIssue::number).containsExactly(1L);
  }

  @Test
  void refusesANextLinkToAnotherHost() {
    github.respond("GET", "/repos/octokit-fixture-org/paginate-issues/issues?state=all&per_page=100",
        200, Map.of("content-type", "application/json", "link",
            "<https://evil.example/repositories/1000/issues?page=2>; rel=\"next\""), "[]".getBytes());

    IssueTrackerException e = fails(() -> tracker("paginate-issues").listLabelled(List.of(), Optional.empty()));

    assertThat(e.getMessage()).contains("another host", "evil.example");
    assertThat(github.requests()).hasSize(1);
  }

  @Test
  void anAnswerThatIsNotAnIssueIsUnavailableNotABug() {
    github.respond("GET", "/repos/octokit-fixture-org/errors/issues/1", 200, json(), "{\"id\":1}".getBytes());
    github.respond("GET", "/repos/octokit-fixture-org/errors/issues/2", 200, json(), "<html>".getBytes());

    assertThat(fails(() -> tracker("errors").get(1)).kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(fails(() -> tracker("errors").get(2)).kind()).isEqualTo(Kind.UNAVAILABLE);
  }

  private GitHubIssueTracker tracker(String repo) {
    URI base = github.baseUrl();
    return new GitHubIssueTracker(new GitHubIssuesConfig(base, ORG + repo, () -> Fixtures.TOKEN,
        Duration.ofSeconds(2), Duration.ofSeconds(5), "thingyan-test"));
  }

  private static Map<String, String> json() {
    return Map.of("content-type", "application/json; charset=utf-8");
  }
}

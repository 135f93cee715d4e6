package dev.thingyan.adapter.github;

import static dev.thingyan.adapter.github.IssueTesting.TOKEN;
import static dev.thingyan.adapter.github.IssueTesting.newIssue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thingyan.adapter.github.fake.FakeIssue;
import dev.thingyan.adapter.github.fake.FakeRequest;
import dev.thingyan.ports.model.report.NewIssue;
import dev.thingyan.ports.model.report.RemoteIssue;
import dev.thingyan.ports.out.IssueTrackerException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tracker's calls against the loopback GitHub Issues fake: what is sent, what comes back. */
class GitHubIssueTrackerTest extends FakeGitHubTestBase {

  @Test
  void createsAnIssueWithTitleBodyAndLabelsAsGitHubExpectsThem() throws Exception {
    RemoteIssue created = tracker.create(new NewIssue("NullPointerException in FolioService",
        "ဘောက်ချာ ပိတ်၍မရပါ\n```\nat Folio.close\n```", List.of("thingyan", "crash")));

    assertThat(created.number()).isEqualTo(1);
    assertThat(created.open()).isTrue();
    assertThat(created.url()).isEqualTo("https://github.com/acme/pms/issues/1");
    assertThat(created.body()).startsWith("ဘောက်ချာ");
    FakeRequest sent = github.requests().get(0);
    assertThat(sent.method() + " " + sent.path()).isEqualTo("POST /repos/acme/pms/issues");
    assertThat(sent.header("accept")).contains("application/vnd.github+json");
    assertThat(sent.header("x-github-api-version")).contains("2022-11-28");
    assertThat(sent.header("authorization")).contains("Bearer " + TOKEN);
    assertThat(sent.header("user-agent")).contains("thingyan-test");
    JsonNode body = Fixtures.JSON.readTree(sent.body());
    assertThat(body.path("title").asText()).isEqualTo("NullPointerException in FolioService");
    assertThat(body.path("labels")).extracting(JsonNode::asText).containsExactly("thingyan", "crash");
    assertThat(github.issue(1)).map(FakeIssue::labels).contains(List.of("thingyan", "crash"));
  }

  @Test
  void commentsOnAnIssue() {
    tracker.create(newIssue("Crash"));

    tracker.comment(1, "Seen again: 12 times since 09:00 on 1.4.2");

    assertThat(github.issue(1).orElseThrow().comments()).containsExactly("Seen again: 12 times since 09:00 on 1.4.2");
    assertThat(github.requests().get(1).path()).isEqualTo("/repos/acme/pms/issues/1/comments");
    assertThatThrownBy(() -> tracker.comment(1, " ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tracker.comment(0, "x")).hasMessageContaining("issueNumber");
  }

  @Test
  void listsAnIssuesCommentsSinceATime() {
    tracker.create(newIssue("Crash"));
    tracker.comment(1, "first <!-- marker -->");
    tracker.comment(1, "second");

    assertThat(tracker.commentsSince(1, Instant.parse("2026-01-01T00:00:00.750Z")))
        .containsExactly("first <!-- marker -->", "second");
    FakeRequest listing = github.requests().get(github.requests().size() - 1);
    assertThat(listing.method()).isEqualTo("GET");
    assertThat(listing.path()).isEqualTo("/repos/acme/pms/issues/1/comments");
    assertThat(java.net.URLDecoder.decode(listing.query(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("since=2026-01-01T00:00:00Z").contains("per_page=100");
    assertThatThrownBy(() -> tracker.commentsSince(9, Instant.EPOCH))
        .isInstanceOf(IssueTrackerException.class);
  }

  @Test
  void reopensAnIssueAPersonClosed() {
    tracker.create(newIssue("Crash"));
    clock.advance(Duration.ofDays(2));
    github.closeIssue(1);
    assertThat(tracker.get(1).open()).isFalse();

    RemoteIssue reopened = tracker.reopen(1);

    assertThat(reopened.open()).isTrue();
    assertThat(github.issue(1).orElseThrow().open()).isTrue();
    FakeRequest patch = github.requests().get(github.requests().size() - 1);
    assertThat(patch.method()).isEqualTo("PATCH");
    assertThat(patch.body()).isEqualTo("{\"state\":\"open\"}");
  }

  @Test
  void getsAnIssueAsItIsNow() {
    github.openIssue("Filed by hand", "", List.of());

    RemoteIssue issue = tracker.get(1);

    assertThat(issue.number()).isEqualTo(1);
    assertThat(issue.body()).isEmpty();
    assertThat(issue.open()).isTrue();
  }

  @Test
  void listsOpenAndClosedIssuesWithAllLabelsAcrossPagesWithoutPullRequests() {
    for (int i = 1; i <= 230; i++) {
      github.openIssue("Crash " + i, "", i % 2 == 0 ? List.of("thingyan", "crash") : List.of("thingyan"));
    }
    github.openPullRequest("Fix crash", List.of("thingyan", "crash"));
    github.closeIssue(2);

    List<RemoteIssue> listed = tracker.listLabelled(List.of("thingyan", "crash"), Optional.empty());

    assertThat(listed).hasSize(115).extracting(RemoteIssue::number).doesNotContain(231L).contains(2L, 230L);
    assertThat(listed).filteredOn(i -> i.number() == 2).extracting(RemoteIssue::open).containsExactly(false);
    // 116 items incl. the pull request: two pages of 100, the second reached through Link.
    assertThat(github.requests()).extracting(FakeRequest::path)
        .containsExactly("/repos/acme/pms/issues", "/repositories/1000/issues");
    assertThat(github.requests().get(0).query()).isEqualTo("labels=thingyan%2Ccrash&state=all&per_page=100");
    assertThat(github.requests()).allSatisfy(r -> assertThat(r.header("authorization")).contains("Bearer " + TOKEN));
  }

  @Test
  void listsOnlyIssuesUpdatedSinceTheGivenTime() {
    github.openIssue("Old", "", List.of("thingyan"));
    clock.advance(Duration.ofHours(3));
    github.openIssue("New", "", List.of("thingyan"));
    clock.advance(Duration.ofHours(1));
    tracker.comment(1, "Old one seen again");

    List<RemoteIssue> listed = tracker.listLabelled(List.of("thingyan"),
        Optional.of(IssueTesting.START.plus(Duration.ofHours(3)).plusMillis(400)));

    assertThat(listed).extracting(RemoteIssue::number).containsExactly(2L, 1L);
    assertThat(github.requests().get(1).query()).endsWith("&since=2025-04-13T12%3A00%3A00Z");
  }

  @Test
  void listsNothingWhenNothingMatches() {
    github.openIssue("Other", "", List.of("bug"));

    assertThat(tracker.listLabelled(List.of("thingyan"), Optional.empty())).isEmpty();
    assertThatThrownBy(() -> tracker.listLabelled(List.of("a,b"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels");
  }

  @Test
  void neverShowsTheToken() {
    assertThat(tracker.toString()).doesNotContain(TOKEN).contains("acme/pms", "token=***");
  }
}

package dev.thingyan.adapter.github.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;

/**
 * GitHub's JSON shapes, field for field as in the recorded fixtures (src/test/resources/github-recorded:
 * the issue of add-labels-to-issue.json, the listed issues of paginate-issues.json, the label of
 * labels.json, the error of errors.json); FakeGitHubIssuesShapeTest holds them to that.
 */
final class IssueJson {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Seen in GitHub's 401, 404 and rate-limit answers. */
  static final String DOCS = "https://docs.github.com/rest";
  private static final String LOGIN = "thingyan-fake-bot";

  private final String api;
  private final String repository;

  /** @param api the fake's base URL, which stands where {@code https://api.github.com} would */
  IssueJson(String api, String repository) {
    this.api = api;
    this.repository = repository;
  }

  /** An issue as "get", "create" and "update" answer it; {@code listed} drops closed_by, as listings do. */
  ObjectNode issue(FakeIssue issue, boolean listed) {
    String self = issueUrl(issue.number());
    ObjectNode o = JSON.createObjectNode();
    o.put("url", self).put("repository_url", api + "/repos/" + repository)
        .put("labels_url", self + "/labels{/name}").put("comments_url", self + "/comments")
        .put("events_url", self + "/events").put("html_url", htmlUrl(issue))
        .put("id", 1_000_000 + issue.number()).put("node_id", nodeId("Issue", issue.number()))
        .put("number", issue.number()).put("title", issue.title());
    o.set("user", user());
    ArrayNode labels = o.putArray("labels");
    issue.labels().forEach(name -> labels.add(label(name)));
    o.put("state", issue.open() ? "open" : "closed").put("locked", false).putNull("assignee");
    o.putArray("assignees");
    o.putNull("milestone");
    o.put("comments", issue.comments().size()).put("created_at", time(issue.createdAt()))
        .put("updated_at", time(issue.updatedAt()))
        .put("closed_at", issue.closedAt().map(IssueJson::time).orElse(null))
        .put("author_association", "MEMBER").putNull("active_lock_reason");
    if (issue.pullRequest()) {
      o.put("draft", false);
      o.putObject("pull_request").put("url", api + "/repos/" + repository + "/pulls/" + issue.number())
          .put("html_url", htmlUrl(issue)).put("diff_url", htmlUrl(issue) + ".diff")
          .put("patch_url", htmlUrl(issue) + ".patch").putNull("merged_at");
    }
    // GitHub answers an empty body as null.
    o.put("body", issue.body().isEmpty() ? null : issue.body());
    if (!listed) {
      o.set("closed_by", issue.open() ? null : user());
    }
    o.set("reactions", reactions(self));
    o.put("timeline_url", self + "/timeline").putNull("performed_via_github_app")
        .put("state_reason", issue.open() ? null : "completed");
    return o;
  }

  /** The answer to "create an issue comment". */
  ObjectNode comment(FakeIssue issue, long id, String body, Instant at) {
    ObjectNode o = JSON.createObjectNode();
    o.put("url", api + "/repos/" + repository + "/issues/comments/" + id)
        .put("html_url", htmlUrl(issue) + "#issuecomment-" + id)
        .put("issue_url", issueUrl(issue.number())).put("id", id).put("node_id", nodeId("IssueComment", id));
    o.set("user", user());
    o.put("created_at", time(at)).put("updated_at", time(at)).put("author_association", "MEMBER")
        .put("body", body);
    o.set("reactions", reactions(api + "/repos/" + repository + "/issues/comments/" + id));
    o.putNull("performed_via_github_app");
    return o;
  }

  /** {@code {"message": ..., "documentation_url": ...}}, GitHub's error body. */
  static ObjectNode error(String message, String documentationUrl) {
    ObjectNode o = JSON.createObjectNode().put("message", message);
    return o.put("documentation_url", documentationUrl);
  }

  /** A 422 body with one entry in {@code errors}, as in errors.json; {@code message} may be null. */
  static ObjectNode validationFailed(String resource, String code, String field, String message) {
    ObjectNode o = JSON.createObjectNode().put("message", "Validation Failed");
    ObjectNode entry = o.putArray("errors").addObject().put("resource", resource).put("code", code)
        .put("field", field);
    if (message != null) {
      entry.put("message", message);
    }
    return o.put("documentation_url", DOCS + "/issues/issues#create-an-issue");
  }

  String issueUrl(long number) {
    return api + "/repos/" + repository + "/issues/" + number;
  }

  private String htmlUrl(FakeIssue issue) {
    return "https://github.com/" + repository + (issue.pullRequest() ? "/pull/" : "/issues/") + issue.number();
  }

  private ObjectNode label(String name) {
    long id = 2_000_000L + Math.abs((long) name.toLowerCase(Locale.ROOT).hashCode() % 1_000_000);
    ObjectNode o = JSON.createObjectNode().put("id", id).put("node_id", nodeId("Label", id))
        .put("url", api + "/repos/" + repository + "/labels/" + name).put("name", name)
        .put("color", "ededed").put("default", false);
    return o.putNull("description");
  }

  private ObjectNode user() {
    String u = api + "/users/" + LOGIN;
    return JSON.createObjectNode().put("login", LOGIN).put("id", 1000).put("node_id", nodeId("User", 1000))
        .put("avatar_url", "https://avatars.githubusercontent.com/u/1000?v=4").put("gravatar_id", "")
        .put("url", u).put("html_url", "https://github.com/" + LOGIN)
        .put("followers_url", u + "/followers").put("following_url", u + "/following{/other_user}")
        .put("gists_url", u + "/gists{/gist_id}").put("starred_url", u + "/starred{/owner}{/repo}")
        .put("subscriptions_url", u + "/subscriptions").put("organizations_url", u + "/orgs")
        .put("repos_url", u + "/repos").put("events_url", u + "/events{/privacy}")
        .put("received_events_url", u + "/received_events").put("type", "User").put("site_admin", false);
  }

  private static ObjectNode reactions(String self) {
    ObjectNode o = JSON.createObjectNode().put("url", self + "/reactions").put("total_count", 0);
    for (String r : new String[] {"+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes"}) {
      o.put(r, 0);
    }
    return o;
  }

  private static String nodeId(String type, long id) {
    return Base64.getEncoder().encodeToString(("0:" + type + id).getBytes(StandardCharsets.UTF_8));
  }

  static String time(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }
}

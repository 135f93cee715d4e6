package dev.thingyan.adapter.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.thingyan.ports.model.report.RemoteIssue;

/**
 * The fields of GitHub's issue object that an issue tracker needs; the rest is ignored. GitHub
 * lists pull requests among issues and marks them with a {@code pull_request} object.
 */
record GhIssue(
    @JsonProperty("number") long number,
    @JsonProperty("state") String state,
    @JsonProperty("html_url") String htmlUrl,
    @JsonProperty("body") String body,
    @JsonProperty("pull_request") JsonNode pullRequest) {

  boolean isPullRequest() {
    return pullRequest != null && !pullRequest.isNull();
  }

  /** @throws IllegalArgumentException when GitHub's answer lacks the number */
  RemoteIssue toRemote() {
    return new RemoteIssue(number, "open".equals(state), htmlUrl == null ? "" : htmlUrl,
        body == null ? "" : body);
  }
}

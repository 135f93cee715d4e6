package dev.thingyan.adapter.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.net.URI;
import java.util.List;

/**
 * The GitHub REST calls an issue tracker makes, for Feign. Headers (media type, API version, user
 * agent, token) are added by {@link GitHubHeaders}; every call is sent once, never retried here.
 */
interface GitHubIssuesApi {

  @RequestLine("POST /repos/{owner}/{repo}/issues")
  @Headers("Content-Type: application/json; charset=utf-8")
  GhIssue create(@Param("owner") String owner, @Param("repo") String repo, NewIssueBody issue);

  @RequestLine("POST /repos/{owner}/{repo}/issues/{number}/comments")
  @Headers("Content-Type: application/json; charset=utf-8")
  void comment(@Param("owner") String owner, @Param("repo") String repo,
      @Param("number") long number, CommentBody comment);

  @RequestLine("PATCH /repos/{owner}/{repo}/issues/{number}")
  @Headers("Content-Type: application/json; charset=utf-8")
  GhIssue update(@Param("owner") String owner, @Param("repo") String repo,
      @Param("number") long number, StateBody state);

  @RequestLine("GET /repos/{owner}/{repo}/issues/{number}")
  GhIssue get(@Param("owner") String owner, @Param("repo") String repo,
      @Param("number") long number);

  /** A null {@code labels} or {@code since} leaves that parameter out of the query. */
  @RequestLine("GET /repos/{owner}/{repo}/issues?labels={labels}&state=all&per_page={perPage}&since={since}")
  IssuePage list(@Param("owner") String owner, @Param("repo") String repo,
      @Param("labels") String labels, @Param("perPage") int perPage, @Param("since") String since);

  /** Follows a {@code Link: rel="next"} URL as GitHub gave it (the URI argument is the target). */
  @RequestLine("GET")
  IssuePage page(URI next);

  /** "List issue comments": only the body of each is read. */
  @RequestLine("GET /repos/{owner}/{repo}/issues/{number}/comments?since={since}&per_page={perPage}")
  List<GhComment> comments(@Param("owner") String owner, @Param("repo") String repo,
      @Param("number") long number, @Param("since") String since, @Param("perPage") int perPage);

  /** One comment of "list issue comments" (its other fields are ignored). */
  record GhComment(@JsonProperty("body") String body) {}

  /** The body of "create an issue". */
  record NewIssueBody(@JsonProperty("title") String title, @JsonProperty("body") String body,
      @JsonProperty("labels") List<String> labels) {}

  /** The body of "create an issue comment". */
  record CommentBody(@JsonProperty("body") String body) {}

  /** The body of "update an issue" when only the state changes. */
  record StateBody(@JsonProperty("state") String state) {}
}

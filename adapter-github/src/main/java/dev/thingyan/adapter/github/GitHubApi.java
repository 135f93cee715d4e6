package dev.thingyan.adapter.github;

import feign.Param;
import feign.RequestLine;
import java.net.URI;

/**
 * The GitHub REST calls a release source makes, for Feign. Headers (media type, API version,
 * user agent, token) are added by {@link GitHubHeaders}.
 */
interface GitHubApi {

  @RequestLine("GET /repos/{owner}/{repo}/releases?per_page={perPage}")
  ReleasePage releases(@Param("owner") String owner, @Param("repo") String repo,
      @Param("perPage") int perPage);

  /** Follows a {@code Link: rel="next"} URL as GitHub gave it (the URI argument is the target). */
  @RequestLine("GET")
  ReleasePage releasesPage(URI next);

  @RequestLine("GET /repos/{owner}/{repo}/releases/tags/{tag}")
  GhRelease releaseByTag(@Param("owner") String owner, @Param("repo") String repo,
      @Param("tag") String tag);
}

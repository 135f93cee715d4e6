package dev.thingyan.adapter.github;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.net.URI;
import java.util.Optional;

/**
 * The headers every JSON API request carries. The token is added only when the request goes to
 * the configured API origin, so a link that points elsewhere never receives it.
 */
final class GitHubHeaders implements RequestInterceptor {
  static final String MEDIA_TYPE = "application/vnd.github+json";
  static final String API_VERSION = "2022-11-28";

  private final Origin apiOrigin;
  private final Optional<String> token;
  private final String userAgent;

  GitHubHeaders(GitHubSourceConfig config) {
    this.apiOrigin = Origin.of(config.apiBaseUrl());
    this.token = config.token();
    this.userAgent = config.userAgent();
  }

  @Override
  public void apply(RequestTemplate template) {
    template.header("Accept", MEDIA_TYPE);
    template.header("X-GitHub-Api-Version", API_VERSION);
    template.header("User-Agent", userAgent);
    if (token.isPresent() && toApiOrigin(template.url())) {
      template.header("Authorization", "Bearer " + token.get());
    }
  }

  // Interceptors run before the target is applied: a relative URL will be resolved against the
  // API base; an absolute one (a followed Link) must be checked.
  private boolean toApiOrigin(String url) {
    URI uri = URI.create(url);
    return !uri.isAbsolute() || apiOrigin.sameAs(uri);
  }
}

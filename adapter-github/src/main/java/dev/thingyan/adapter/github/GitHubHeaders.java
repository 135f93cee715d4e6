package dev.thingyan.adapter.github;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The headers every JSON API request carries. The token is added only when the request goes to
 * the configured API origin, so a link that points elsewhere never receives it.
 */
final class GitHubHeaders implements RequestInterceptor {
  static final String MEDIA_TYPE = "application/vnd.github+json";
  static final String API_VERSION = "2022-11-28";

  private final Origin apiOrigin;
  private final Supplier<Optional<String>> token;
  private final String userAgent;

  GitHubHeaders(GitHubSourceConfig config) {
    this(config.apiBaseUrl(), config::token, config.userAgent());
  }

  /**
   * @param token read for every request, so a token file replaced while running is picked up; it
   *     may throw to stop a request before anything is sent
   */
  GitHubHeaders(URI apiBaseUrl, Supplier<Optional<String>> token, String userAgent) {
    this.apiOrigin = Origin.of(apiBaseUrl);
    this.token = token;
    this.userAgent = userAgent;
  }

  @Override
  public void apply(RequestTemplate template) {
    template.header("Accept", MEDIA_TYPE);
    template.header("X-GitHub-Api-Version", API_VERSION);
    template.header("User-Agent", userAgent);
    if (toApiOrigin(template.url())) {
      token.get().ifPresent(t -> template.header("Authorization", "Bearer " + t));
    }
  }

  // Interceptors run before the target is applied: a relative URL will be resolved against the
  // API base; an absolute one (a followed Link) must be checked.
  private boolean toApiOrigin(String url) {
    URI uri = URI.create(url);
    return !uri.isAbsolute() || apiOrigin.sameAs(uri);
  }
}

package dev.thingyan.adapter.github;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and how {@link GitHubIssueTracker} files issues.
 *
 * @param apiBaseUrl {@code https://api.github.com}, or a GitHub Enterprise Server's
 *     {@code https://ghe.example/api/v3}; a trailing slash is dropped. Plain http only to loopback
 *     (tests), because the token goes with every request
 * @param repository {@code owner/name} of the repository the issues go to
 * @param token gives the token's value; called for every request, so that bootstrap can read it
 *     from a file or the environment and a replaced token is picked up. Its value is never part of
 *     {@link #toString()} or of any message
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest wait for an answer
 * @param userAgent sent with every request (GitHub refuses requests without one)
 */
public record GitHubIssuesConfig(URI apiBaseUrl, String repository, Supplier<String> token,
    Duration connectTimeout, Duration readTimeout, String userAgent) {

  // GitHub's own rules for owner and repository names; anything else would end up in a URL path.
  private static final Pattern REPOSITORY =
      Pattern.compile("([A-Za-z0-9_.-]{1,100})/([A-Za-z0-9_.-]{1,100})");

  public GitHubIssuesConfig {
    Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(userAgent, "userAgent");
    String base = apiBaseUrl.toString();
    apiBaseUrl = base.endsWith("/") ? URI.create(base.substring(0, base.length() - 1)) : apiBaseUrl;
    repository = repository.strip();
    requireRepository(repository);
    requireSafeBase(apiBaseUrl);
    requireBetween("connectTimeout", connectTimeout, Duration.ofMinutes(5));
    requireBetween("readTimeout", readTimeout, Duration.ofMinutes(10));
    if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("userAgent must be a non-blank single line (GitHub refuses requests without one)");
    }
  }

  /**
   * The public GitHub API with the usual defaults: 10 s to connect, 30 s to answer, user agent
   * {@code thingyan}.
   */
  public static GitHubIssuesConfig of(String repository, Supplier<String> token) {
    return new GitHubIssuesConfig(GitHubSourceConfig.GITHUB_API, repository, token,
        Duration.ofSeconds(10), Duration.ofSeconds(30), "thingyan");
  }

  /** @return a copy pointing at another API base (GitHub Enterprise Server, or a test server). */
  public GitHubIssuesConfig withApiBaseUrl(URI url) {
    return new GitHubIssuesConfig(url, repository, token, connectTimeout, readTimeout, userAgent);
  }

  /** @return a copy with other timeouts. */
  public GitHubIssuesConfig withTimeouts(Duration connect, Duration read) {
    return new GitHubIssuesConfig(apiBaseUrl, repository, token, connect, read, userAgent);
  }

  /** @return the part of {@link #repository()} before the slash. */
  public String owner() {
    return repository.substring(0, repository.indexOf('/'));
  }

  /** @return the part of {@link #repository()} after the slash. */
  public String repo() {
    return repository.substring(repository.indexOf('/') + 1);
  }

  @Override
  public String toString() {
    return "GitHubIssuesConfig[apiBaseUrl=" + apiBaseUrl + ", repository=" + repository
        + ", token=***, connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", userAgent=" + userAgent + "]";
  }

  private static void requireRepository(String repository) {
    Matcher m = REPOSITORY.matcher(repository);
    // "." and ".." match the character rule but would walk the URL path.
    if (!m.matches() || m.group(1).matches("\\.+") || m.group(2).matches("\\.+")) {
      throw new IllegalArgumentException("repository must be owner/name with GitHub names (letters, "
          + "digits, '-', '_', '.'), was '" + repository + "'");
    }
  }

  private static void requireSafeBase(URI url) {
    String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
    if (url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))
        || url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException("apiBaseUrl must be an http(s) URL with a host and no query, was " + url);
    }
    // The token travels with every request: in clear text only on this machine (tests).
    if (scheme.equals("http") && !Origin.isLoopback(url.getHost())) {
      throw new IllegalArgumentException("apiBaseUrl must use https (the token is sent with every request), was " + url);
    }
  }

  private static void requireBetween(String field, Duration d, Duration max) {
    if (d.isNegative() || d.isZero() || d.compareTo(max) > 0) {
      throw new IllegalArgumentException(field + " must be more than 0 and at most " + max + ", was " + d);
    }
  }
}

package dev.thingyan.adapter.github;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how {@link GitHubReleaseSource} reaches GitHub.
 *
 * @param apiBaseUrl {@code https://api.github.com}, or a GitHub Enterprise Server's
 *     {@code https://ghe.example/api/v3}; a trailing slash is dropped
 * @param token the token's value (bootstrap reads it from a file); sent only to the API's origin.
 *     {@link #toString()} never shows it
 * @param readTimeout the longest wait for any single read, also in the middle of a download
 * @param maxDownloadAttempts how many times a download is tried (resuming) before it fails
 * @param totalWait the longest a request may go unanswered in all, retries included
 *     ({@code source.github.total_timeout}); a "still waiting" line is logged every few seconds
 *     until then
 */
public record GitHubSourceConfig(URI apiBaseUrl, String owner, String repo, Optional<String> token,
    Duration connectTimeout, Duration readTimeout, int maxDownloadAttempts, String userAgent,
    Duration totalWait) {

  /** The default longest wait for an answer: a minute, retries included. */
  public static final Duration DEFAULT_TOTAL_WAIT = Duration.ofSeconds(60);

  /** With the default total wait. */
  public GitHubSourceConfig(URI apiBaseUrl, String owner, String repo, Optional<String> token,
      Duration connectTimeout, Duration readTimeout, int maxDownloadAttempts, String userAgent) {
    this(apiBaseUrl, owner, repo, token, connectTimeout, readTimeout, maxDownloadAttempts,
        userAgent, DEFAULT_TOTAL_WAIT);
  }

  /** The public GitHub API. */
  public static final URI GITHUB_API = URI.create("https://api.github.com");

  // GitHub's own rules for owner and repository names; anything else would end up in a URL path.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

  public GitHubSourceConfig {
    Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(userAgent, "userAgent");
    apiBaseUrl = withoutTrailingSlash(apiBaseUrl);
    token = token.map(String::strip);
    checkName("owner", owner);
    checkName("repo", repo);
    checkToken(token);
    checkBaseUrl(apiBaseUrl, token.isPresent());
    checkPositive("connectTimeout", connectTimeout);
    checkPositive("readTimeout", readTimeout);
    Objects.requireNonNull(totalWait, "totalWait");
    checkPositive("totalWait", totalWait);
    if (maxDownloadAttempts < 1 || maxDownloadAttempts > 20) {
      throw new IllegalArgumentException("maxDownloadAttempts must be 1..20, was " + maxDownloadAttempts);
    }
    if (userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent must not be blank (GitHub refuses requests without one)");
    }
  }

  /**
   * The public GitHub API with the usual defaults: 10 s to connect, 60 s per read, 5 download
   * attempts, user agent {@code thingyan}.
   */
  public static GitHubSourceConfig of(String owner, String repo, Optional<String> token) {
    return new GitHubSourceConfig(GITHUB_API, owner, repo, token, Duration.ofSeconds(10),
        Duration.ofSeconds(60), 5, "thingyan");
  }

  /** @return a copy pointing at another API base (GitHub Enterprise Server, or a test server). */
  public GitHubSourceConfig withApiBaseUrl(URI url) {
    return new GitHubSourceConfig(url, owner, repo, token, connectTimeout, readTimeout,
        maxDownloadAttempts, userAgent, totalWait);
  }

  @Override
  public String toString() {
    return "GitHubSourceConfig[apiBaseUrl=" + apiBaseUrl + ", owner=" + owner + ", repo=" + repo
        + ", token=" + (token.isPresent() ? "***" : "none") + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout + ", maxDownloadAttempts=" + maxDownloadAttempts
        + ", userAgent=" + userAgent + ", totalWait=" + totalWait + "]";
  }

  private static URI withoutTrailingSlash(URI url) {
    String s = url.toString();
    return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : url;
  }

  private static void checkName(String field, String value) {
    if (!NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " must be a GitHub name (letters, digits, '-', '_', '.'), was '" + value + "'");
    }
  }

  // The token's value is never part of a message, only what is wrong with it.
  private static void checkToken(Optional<String> token) {
    if (token.isPresent() && token.get().isEmpty()) {
      throw new IllegalArgumentException("token is empty: check the token file, or configure no token");
    }
    if (token.isPresent() && !token.get().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("token contains spaces or control characters: check the token file");
    }
  }

  private static void checkBaseUrl(URI url, boolean hasToken) {
    String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
    if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException("apiBaseUrl must be an http(s) URL with a host, was " + url);
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException("apiBaseUrl must not have a query or fragment, was " + url);
    }
    // A token sent in clear text over a network is a token given away; loopback is for tests.
    if (hasToken && scheme.equals("http") && !Origin.isLoopback(url.getHost())) {
      throw new IllegalArgumentException("apiBaseUrl must use https when a token is configured, was " + url);
    }
  }

  private static void checkPositive(String field, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, was " + d);
    }
  }
}

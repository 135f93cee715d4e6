package dev.thingyan.adapter.http.probe;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where an HTTP probe sends its GET: the URL, how long the whole exchange may take, and extra
 * request headers (e.g. {@code Host} for a virtual host on 127.0.0.1, or an {@code Authorization}
 * the app's precheck endpoint wants).
 *
 * @param timeout covers connecting, the status line and reading the body
 */
public record HttpTarget(URI url, Duration timeout, Map<String, String> headers) {

  /** Five seconds: long enough for a busy app, short enough for an update run. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  public HttpTarget {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(timeout, "timeout");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException(
          "url: '" + url + "' is not an http(s) URL with a host, e.g. http://127.0.0.1:8080/health");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: must be positive");
    }
    headers = Map.copyOf(headers);
    headers.forEach(HttpTarget::checkHeader);
  }

  /** @return a target with the default timeout and no extra headers. */
  public static HttpTarget of(String url) {
    return new HttpTarget(URI.create(url), DEFAULT_TIMEOUT, Map.of());
  }

  /** @return this target with another timeout. */
  public HttpTarget withTimeout(Duration newTimeout) {
    return new HttpTarget(url, newTimeout, headers);
  }

  /**
   * @return this target asked at another origin (the preview of a staged release): the scheme,
   *     host and port of {@code origin}, this target's path, query, headers and timeout
   * @throws IllegalArgumentException when {@code origin} is not an http(s) URL with a host
   */
  public HttpTarget atOrigin(URI origin) {
    try {
      URI moved = new URI(origin.getScheme(), null, origin.getHost(), origin.getPort(),
          url.getPath(), url.getQuery(), null);
      return new HttpTarget(moved, timeout, headers);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("origin: '" + origin + "' cannot take the path " + url.getRawPath(), e);
    }
  }

  /** @return this target with these extra headers (replacing the previous ones). */
  public HttpTarget withHeaders(Map<String, String> newHeaders) {
    return new HttpTarget(url, timeout, newHeaders);
  }

  /**
   * @return the URL as messages show it: without user info and query, which may carry secrets
   */
  public String display() {
    return ProbeHttp.display(url);
  }

  private static void checkHeader(String name, String value) {
    if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
      throw new IllegalArgumentException("headers: '" + name + "' is not a valid header name");
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("headers: the value of " + name + " must be one line");
    }
  }
}

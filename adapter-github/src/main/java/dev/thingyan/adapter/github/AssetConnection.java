package dev.thingyan.adapter.github;

import dev.thingyan.ports.out.ReleaseSourceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an asset URL and follows its redirects by hand. GitHub answers an asset request with a
 * 302 to another host (objects.githubusercontent.com, S3); the token must reach the API's origin
 * only. Java 17's HttpClient with {@code Redirect.NORMAL} forwards the Authorization header to
 * the other host, so no client follows redirects here: each hop is a new request, and the token
 * is added only when that hop's origin is the API's.
 */
final class AssetConnection {
  static final int MAX_REDIRECTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(AssetConnection.class);

  private final GitHubSourceConfig config;
  private final Origin apiOrigin;

  AssetConnection(GitHubSourceConfig config) {
    this.config = config;
    this.apiOrigin = Origin.of(config.apiBaseUrl());
  }

  /**
   * @param from bytes already on disk; when positive a {@code Range: bytes=from-} is asked for
   * @return the first answer that is not a redirect (the caller checks its status)
   * @throws IOException when a connection fails (worth another attempt)
   */
  HttpURLConnection open(URI url, long from) throws IOException {
    URI current = url;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpURLConnection c = request(current, from);
      int status = c.getResponseCode();
      if (!isRedirect(status)) {
        return c;
      }
      URI next = redirectTarget(current, c.getHeaderField("Location"));
      discard(c);
      // The query of a redirect target is a signed credential of its own: log the host only.
      LOG.debug("Asset request redirected ({}) to {}", status, Origin.of(next));
      current = next;
    }
    throw new ReleaseSourceException("The download of " + url.getPath() + " was redirected more than "
        + MAX_REDIRECTS + " times; GitHub or a proxy in between is misconfigured. Try again later.");
  }

  private HttpURLConnection request(URI url, long from) throws IOException {
    HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
    c.setInstanceFollowRedirects(false);
    c.setUseCaches(false);
    c.setConnectTimeout(Math.toIntExact(
        GitHubReleaseSource.shorter(config.connectTimeout(), config.totalWait()).toMillis()));
    c.setReadTimeout(Math.toIntExact(
        GitHubReleaseSource.shorter(config.readTimeout(), config.totalWait()).toMillis()));
    c.setRequestProperty("Accept", "application/octet-stream");
    c.setRequestProperty("User-Agent", config.userAgent());
    if (from > 0) {
      c.setRequestProperty("Range", "bytes=" + from + "-");
    }
    if (config.token().isPresent() && apiOrigin.sameAs(url)) {
      c.setRequestProperty("Authorization", "Bearer " + config.token().get());
    }
    return c;
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static URI redirectTarget(URI from, String location) {
    if (location == null || location.isBlank()) {
      throw new ReleaseSourceException("GitHub redirected the download of " + from.getPath()
          + " without saying where to. Try again later.");
    }
    URI next = from.resolve(location.trim());
    String scheme = Optional.ofNullable(next.getScheme()).orElse("").toLowerCase(Locale.ROOT);
    boolean downgrade = scheme.equals("http") && from.getScheme().equalsIgnoreCase("https");
    if (!(scheme.equals("https") || scheme.equals("http")) || downgrade || next.getHost() == null) {
      throw new ReleaseSourceException("The download of " + from.getPath()
          + " was redirected to an unsafe location (" + scheme + "://" + next.getHost()
          + "); refusing to follow. Check for a proxy rewriting GitHub's answers.");
    }
    return next;
  }

  // A redirect's small body is read and dropped so the connection can be reused.
  private static void discard(HttpURLConnection c) {
    try (InputStream in = c.getResponseCode() >= 400 ? c.getErrorStream() : c.getInputStream()) {
      if (in != null) {
        in.readNBytes(64 * 1024);
      }
    } catch (IOException ignored) {
      // nothing to keep from a redirect body
    }
  }
}

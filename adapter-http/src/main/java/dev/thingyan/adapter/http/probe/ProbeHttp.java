package dev.thingyan.adapter.http.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one GET both probes make: a deadline over the whole exchange, a bounded body, redirects
 * followed only to the same scheme, host and port, and every failure turned into a reason.
 */
final class ProbeHttp {

  /** A health or precheck body is small; more than this is read no further. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private static final int MAX_REDIRECTS = 3;
  private final HttpClient client;
  private final Duration connectTimeout;

  ProbeHttp(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
    // NEVER: a redirect is followed by hand, so that nothing (headers included) goes to another host
    this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout).build();
  }

  /** What a GET ended with. */
  sealed interface Outcome permits Answer, Failure {}

  /**
   * The server answered (after same-origin redirects): status and up to {@link #MAX_BODY_BYTES}.
   *
   * @param location the Location header of a redirect, or empty
   */
  record Answer(int status, String body, URI uri, String location, List<String> setCookies)
      implements Outcome {
    Answer {
      setCookies = List.copyOf(setCookies);
    }

    Answer(int status, String body, URI uri, String location) {
      this(status, body, uri, location, List.of());
    }
  }

  /** No usable answer; {@code reason} reads after "GET url: ". */
  record Failure(String reason) implements Outcome {}

  /**
   * A Host header is sent by {@link HostHeaderGet} (no JVM-wide property is set for it); the JDK
   * still refuses Connection, Content-Length, Expect and Upgrade.
   *
   * @throws IllegalArgumentException when the JDK refuses one of the target's headers
   */
  static void checkHeadersAccepted(HttpTarget target) {
    HttpRequest.Builder b = HttpRequest.newBuilder(target.url());
    target.headers().forEach((name, value) -> {
      if (name.equalsIgnoreCase("host")) {
        return;
      }
      try {
        b.header(name, value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("headers: a probe cannot send the header " + name
            + " (the HTTP client sets it itself); remove it from the check", e);
      }
    });
  }

  /** One GET of exactly {@code uri} (a redirect is returned, not followed), with the target's headers. */
  Outcome getOnce(HttpTarget target, URI uri) {
    return once(target, uri, System.nanoTime() + target.timeout().toNanos());
  }

  Outcome get(HttpTarget target) {
    long deadline = System.nanoTime() + target.timeout().toNanos();
    URI uri = target.url();
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      Outcome outcome = once(target, uri, deadline);
      if (!(outcome instanceof Answer a) || !isRedirect(a.status())) {
        return outcome;
      }
      URI next = location(a, uri);
      if (next == null) {
        return new Failure("answered " + a.status() + " without a usable Location header");
      }
      if (!sameOrigin(uri, next)) {
        return new Failure("answered " + a.status() + " redirecting to " + display(next)
            + ", another host; a probe does not follow that: configure the final URL");
      }
      uri = next;
    }
    return new Failure("more than " + MAX_REDIRECTS + " redirects; configure the final URL");
  }

  private Outcome once(HttpTarget target, URI uri, long deadline) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      return new Failure("timeout after " + human(target.timeout()));
    }
    if (HostHeaderGet.needed(target)) {
      return HostHeaderGet.get(target, uri, deadline, connectTimeout);
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofNanos(left))
        .header("Accept", "application/json, text/plain;q=0.9, */*;q=0.5");
    target.headers().forEach(b::setHeader);
    CompletableFuture<HttpResponse<String>> future =
        client.sendAsync(b.build(), info -> BoundedBody.utf8(MAX_BODY_BYTES));
    try {
      HttpResponse<String> r = future.get(left, TimeUnit.NANOSECONDS);
      return new Answer(r.statusCode(), r.body(), uri,
          r.headers().firstValue("Location").orElse(""), r.headers().allValues("Set-Cookie"));
    } catch (TimeoutException e) {
      future.cancel(true);
      return new Failure("timeout after " + human(target.timeout()));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return new Failure("interrupted while waiting for the answer");
    } catch (ExecutionException e) {
      return new Failure(FailureText.of(e.getCause(), target.timeout()));
    }
  }

  private static URI location(Answer redirect, URI base) {
    try {
      return redirect.location().isBlank() ? null : base.resolve(redirect.location().trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
        && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost())) && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  /** @return scheme://host[:port]/path: user info and query may hold secrets, so they are left out */
  static String display(URI u) {
    return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort())
        + (u.getRawPath() == null ? "" : u.getRawPath());
  }

  static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  /** Turns the exceptions java.net.http fails with into what an admin reads. */
  static final class FailureText {
    private FailureText() {}

    static String of(Throwable cause, Duration timeout) {
      if (cause instanceof java.net.http.HttpConnectTimeoutException) {
        return "could not connect within " + human(timeout) + " (timeout)";
      }
      if (cause instanceof java.net.http.HttpTimeoutException) {
        return "timeout after " + human(timeout);
      }
      if (cause instanceof ConnectException) {
        return "connection refused: is the app running and listening on that port?";
      }
      if (cause instanceof java.nio.channels.UnresolvedAddressException
          || cause instanceof java.net.UnknownHostException) {
        return "host not found: check the host name in the URL";
      }
      if (cause instanceof javax.net.ssl.SSLException) {
        return "TLS failed: " + cause.getMessage();
      }
      if (cause instanceof IOException) {
        String m = cause.getMessage();
        return "connection failed: " + (m == null ? cause.getClass().getSimpleName() : m);
      }
      return "failed: " + cause;
    }
  }
}

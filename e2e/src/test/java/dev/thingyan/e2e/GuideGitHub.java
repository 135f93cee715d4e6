package dev.thingyan.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one GitHub API base the install guide configures for both releases and error reports
 * ({@code GITHUB_API_URL}): the issues of the repository are answered here (an empty list: no
 * issue filed yet), everything else is passed to the loopback release server
 * ({@code DemoReleaseServer}, thingyan's production GitHub code path). Records who asked for the
 * issues with which {@code Authorization}, so the test sees the issues token is the one used.
 */
final class GuideGitHub implements AutoCloseable {

  record Asked(String method, String path, String authorization) {}

  private static final Set<String> PASSED_HEADERS = Set.of("authorization", "accept", "user-agent",
      "x-github-api-version", "if-none-match");

  private final URI upstream;
  private final String issuesPath;
  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();
  final List<Asked> issueRequests = new CopyOnWriteArrayList<>();

  GuideGitHub(URI upstream, String repository) {
    this.upstream = upstream;
    this.issuesPath = "/repos/" + repository + "/issues";
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", ex -> {
      try (ex) {
        if (ex.getRequestURI().getRawPath().startsWith(issuesPath)) {
          issues(ex);
        } else {
          forward(ex);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.start();
  }

  String apiBase() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void issues(HttpExchange ex) throws IOException {
    issueRequests.add(new Asked(ex.getRequestMethod(), ex.getRequestURI().toString(),
        ex.getRequestHeaders().getFirst("Authorization")));
    boolean list = ex.getRequestMethod().equals("GET") && ex.getRequestURI().getRawPath().equals(issuesPath);
    byte[] body = (list ? "[]" : "{\"message\":\"Not Found\"}").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(list ? 200 : 404, body.length);
    ex.getResponseBody().write(body);
  }

  private void forward(HttpExchange ex) throws IOException, InterruptedException {
    if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
      ex.sendResponseHeaders(405, -1);
      return;
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream.toString().replaceAll("/$", "")
        + ex.getRequestURI().toString())).timeout(Duration.ofSeconds(30))
        .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
    ex.getRequestHeaders().forEach((k, values) -> {
      if (PASSED_HEADERS.contains(k.toLowerCase())) {
        values.forEach(v -> b.header(k, v));
      }
    });
    HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    r.headers().map().forEach((k, values) -> {
      if (!k.equalsIgnoreCase("content-length") && !k.equalsIgnoreCase("transfer-encoding")
          && !k.equalsIgnoreCase("connection") && !k.startsWith(":")) {
        ex.getResponseHeaders().put(k, values);
      }
    });
    byte[] body = r.body();
    ex.sendResponseHeaders(r.statusCode(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

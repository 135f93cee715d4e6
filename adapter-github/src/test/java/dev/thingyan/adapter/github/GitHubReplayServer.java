package dev.thingyan.adapter.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that answers like GitHub: it replays recorded exchanges (the octokit
 * fixtures in {@code src/test/resources/github-recorded}) by method and path, with GitHub's absolute
 * URLs (in bodies, {@code Link} and {@code Location}) rewritten to loopback addresses, and it
 * records every request it receives so tests can assert on headers.
 */
final class GitHubReplayServer implements AutoCloseable {
  static final String API = "https://api.github.com";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request as received; header names lower-cased. */
  record Received(String method, String uri, Map<String, List<String>> headers) {
    String header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null || v.isEmpty() ? null : v.get(0);
    }
  }

  private final HttpServer server;
  private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
  private final Map<String, String> rewrites = new LinkedHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private GitHubReplayServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::dispatch);
    server.start();
    rewrite(API + ":443", baseUrl());
    rewrite(API, baseUrl());
  }

  static GitHubReplayServer start() {
    try {
      return new GitHubReplayServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return {@code http://127.0.0.1:<port>} */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Rewrites {@code from} (e.g. {@code https://codeload.github.com}) to {@code to} in answers. */
  synchronized GitHubReplayServer rewrite(String from, URI to) {
    rewrites.put(from, to.toString());
    return this;
  }

  /** Serves every exchange of a fixture file recorded for api.github.com. */
  GitHubReplayServer replay(String fixtureFile) {
    return replay(fixtureFile, API + ":443");
  }

  /** Serves the exchanges of a fixture file recorded for {@code scope}, e.g. {@code https://codeload.github.com:443}. */
  GitHubReplayServer replay(String fixtureFile, String scope) {
    for (JsonNode exchange : Fixtures.exchanges(fixtureFile)) {
      if (exchange.path("scope").asText().equals(scope)) {
        respond(exchange.path("method").asText(), exchange.path("path").asText(),
            exchange.path("status").asInt(), headers(exchange.path("headers")), body(exchange));
      }
    }
    return this;
  }

  /** Answers {@code method path} (path with query, exactly as requested) with a canned response. */
  GitHubReplayServer respond(String method, String pathAndQuery, int status,
      Map<String, String> headers, byte[] body) {
    return on(method, pathAndQuery, ex -> send(ex, status, headers, body));
  }

  GitHubReplayServer on(String method, String pathAndQuery, HttpHandler handler) {
    routes.put(method.toUpperCase(Locale.ROOT) + " " + pathAndQuery, handler);
    return this;
  }

  List<Received> requests() {
    return List.copyOf(received);
  }

  private void dispatch(HttpExchange ex) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    String uri = ex.getRequestURI().toString();
    received.add(new Received(ex.getRequestMethod(), uri, headers));
    HttpHandler handler = routes.get(ex.getRequestMethod().toUpperCase(Locale.ROOT) + " " + uri);
    if (handler == null) {
      // 501, not 404: a missing recording must not look like GitHub's "not found".
      send(ex, 501, Map.of("content-type", "text/plain"), ("no recorded exchange for " + uri).getBytes(StandardCharsets.UTF_8));
      return;
    }
    try {
      handler.handle(ex);
    } finally {
      ex.close();
    }
  }

  void send(HttpExchange ex, int status, Map<String, String> headers, byte[] body) throws IOException {
    headers.forEach((k, v) -> ex.getResponseHeaders().add(k, rewrite(v)));
    byte[] out = rewrite(body);
    ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(out);
    }
  }

  private synchronized String rewrite(String text) {
    String result = text;
    for (Map.Entry<String, String> r : rewrites.entrySet()) {
      result = result.replace(r.getKey(), r.getValue());
    }
    return result;
  }

  private byte[] rewrite(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    boolean isText = Arrays.equals(text.getBytes(StandardCharsets.UTF_8), body);
    return isText ? rewrite(text).getBytes(StandardCharsets.UTF_8) : body;
  }

  // Length and connection handling are the server's business, not the recording's.
  private static Map<String, String> headers(JsonNode recorded) {
    Map<String, String> headers = new LinkedHashMap<>();
    recorded.fields().forEachRemaining(f -> {
      String name = f.getKey().toLowerCase(Locale.ROOT);
      if (!List.of("content-length", "connection", "transfer-encoding").contains(name)) {
        headers.put(name, f.getValue().asText());
      }
    });
    return headers;
  }

  private static byte[] body(JsonNode exchange) {
    JsonNode response = exchange.path("response");
    if (response.isTextual()) {
      return exchange.path("responseIsBinary").asBoolean()
          ? HexFormat.of().parseHex(response.asText())
          : response.asText().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return JSON.writeValueAsBytes(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /**
   * The recorded fixtures folder, {@code src/test/resources/github-recorded} of this module (copied
   * in with their MIT licence, so a bare clone tests itself).
   */
  static Path fixturesDir() {
    try {
      var url = GitHubReplayServer.class.getResource("/github-recorded/LICENSE.md");
      if (url == null) {
        throw new IllegalStateException("github-recorded fixtures are missing from the test classpath");
      }
      return Path.of(url.toURI()).getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

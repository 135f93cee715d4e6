package dev.thingyan.bootstrap.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback proxy in front of the demo's GitHub API that tells the truth about everything except
 * the download of the one asset whose name it is given: for that it answers with a huge
 * Content-Length and streams zeros until the client hangs up (a mirror or proxy gone wrong).
 */
final class LyingMirror implements AutoCloseable {
  static final long LIE = 300L << 20;
  private volatile URI upstream;
  private final String assetName;
  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final AtomicLong sent = new AtomicLong();
  private volatile String lyingPath = "";

  LyingMirror(String assetName) throws IOException {
    this.assetName = assetName;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Points the configuration's {@code api_url} at this mirror, which forwards to the URL it
   * replaced.
   */
  String takeOver(String yaml) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("api_url: (\\S+)").matcher(yaml);
    if (!m.find()) {
      throw new IllegalArgumentException("no api_url in the configuration");
    }
    upstream = URI.create(m.group(1));
    return m.replaceFirst("api_url: " + base());
  }

  long sent() {
    return sent.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().toString();
      String accept = String.valueOf(ex.getRequestHeaders().getFirst("Accept"));
      if (path.equals(lyingPath) && accept.contains("octet-stream")) {
        lie(ex);
        return;
      }
      HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(upstream + path))
          .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
      r.headers().firstValue("Location").ifPresent(l -> ex.getResponseHeaders().set("Location", l));
      r.headers().firstValue("Content-Type")
          .ifPresent(t -> ex.getResponseHeaders().set("Content-Type", t));
      String body = new String(r.body(), StandardCharsets.UTF_8).replace(upstream.toString(),
          base().toString());
      noteAssetPath(body);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(r.statusCode(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        ex.getResponseBody().write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Finds the API path of the asset to lie about in a release listing. */
  private void noteAssetPath(String json) {
    int name = json.indexOf("\"name\":\"" + assetName + "\"");
    int url = name < 0 ? -1 : json.lastIndexOf("\"url\":\"", name);
    if (url >= 0) {
      int start = url + "\"url\":\"".length();
      lyingPath = URI.create(json.substring(start, json.indexOf('"', start))).getPath();
    }
  }

  private void lie(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
    ex.sendResponseHeaders(200, LIE);
    byte[] zeros = new byte[64 * 1024];
    try (OutputStream out = ex.getResponseBody()) {
      while (sent.get() < LIE) {
        out.write(zeros);
        sent.addAndGet(zeros.length);
      }
    } catch (IOException hungUp) {
      // the client refused the body: what the test wants
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

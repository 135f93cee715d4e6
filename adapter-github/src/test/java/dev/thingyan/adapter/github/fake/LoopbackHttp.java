package dev.thingyan.adapter.github.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The JDK HTTP server under the fake: 127.0.0.1, a port chosen by the system and kept across
 * {@link #stopListening()} and {@link #listenAgain()}, each request read whole and handed to the
 * application as a {@link FakeRequest}.
 */
final class LoopbackHttp implements AutoCloseable {
  private final Function<FakeRequest, Reply> application;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-github-issues");
    t.setDaemon(true);
    return t;
  });
  private final int port;
  private HttpServer server;

  LoopbackHttp(Function<FakeRequest, Reply> application) {
    this.application = application;
    this.server = listen(0);
    this.port = server.getAddress().getPort();
  }

  int port() {
    return port;
  }

  /** Closes the listening socket: connections are refused. */
  synchronized void stopListening() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** Listens on the same port again. */
  synchronized void listenAgain() {
    if (server == null) {
      server = listen(port);
    }
  }

  @Override
  public synchronized void close() {
    stopListening();
    executor.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      Reply reply = application.apply(read(ex));
      reply.headers().forEach(ex.getResponseHeaders()::add);
      ex.getResponseHeaders().add("x-github-request-id", "0000:00000:0000000:0000000:00000000");
      ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }

  private static FakeRequest read(HttpExchange ex) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    String query = ex.getRequestURI().getRawQuery();
    try (InputStream in = ex.getRequestBody()) {
      return new FakeRequest(ex.getRequestMethod().toUpperCase(Locale.ROOT),
          ex.getRequestURI().getRawPath(), query == null ? "" : query, headers,
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  // After an outage the port may still be held for a moment by the closing listener: retry briefly.
  private HttpServer listen(int onPort) {
    for (int attempt = 1; ; attempt++) {
      try {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        s.setExecutor(executor);
        s.createContext("/", this::handle);
        s.start();
        return s;
      } catch (BindException e) {
        if (attempt == 50) {
          throw new UncheckedIOException("port " + onPort + " stayed busy after the outage", e);
        }
        sleep(100);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

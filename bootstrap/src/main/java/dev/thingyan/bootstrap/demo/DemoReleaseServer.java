package dev.thingyan.bootstrap.demo;

import com.sun.net.httpserver.HttpExchange;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A GitHub-compatible release host on loopback for the demo: an API server answering {@code GET
 * /repos/{owner}/{repo}/releases}, {@code .../releases/tags/{tag}}, {@code .../releases/latest}
 * and {@code .../releases/assets/{id}} (which, asked for {@code application/octet-stream},
 * redirects with 302 to a second server on another port, as GitHub redirects to its object
 * storage), and that download server, which honours {@code Range}. Releases are published while
 * it runs; every request is recorded.
 */
public final class DemoReleaseServer implements AutoCloseable {

  private final String repoPath;
  private final HttpServer api;
  private final HttpServer storage;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "demo-release-server");
    t.setDaemon(true);
    return t;
  });
  private final List<GitHubJson.Published> releases = new CopyOnWriteArrayList<>();
  private final Map<Long, GitHubJson.Asset> assets = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(1000);
  private final GitHubJson json;

  /** Starts both servers on 127.0.0.1, on free ports, serving the repository {@code owner/repo}. */
  public DemoReleaseServer(String owner, String repo) {
    if (!owner.matches("[A-Za-z0-9_.-]+") || !repo.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("owner and repo must be GitHub names, e.g. acme/pms");
    }
    this.repoPath = owner + "/" + repo;
    try {
      api = start("api", new GitHubApi(this)::handle);
      storage = start("storage", new AssetStorage(assets)::handle);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the demo release server on 127.0.0.1", e);
    }
    json = new GitHubJson(apiBase().toString(), repoPath);
  }

  /** @return the API base URL, used where {@code https://api.github.com} would be */
  public URI apiBase() {
    return URI.create("http://127.0.0.1:" + api.getAddress().getPort());
  }

  /** @return the download host's base URL (another port) */
  public URI storageBase() {
    return URI.create("http://127.0.0.1:" + storage.getAddress().getPort());
  }

  /** @return {@code owner/repo} */
  public String repository() {
    return repoPath;
  }

  /** Publishes a release now; listings show the newest published first. */
  public void publish(DemoRelease release) {
    if (releases.stream().anyMatch(p -> p.release().tag().equals(release.tag()))) {
      throw new IllegalArgumentException(release.tag() + " is already published");
    }
    List<GitHubJson.Asset> list = new ArrayList<>();
    for (Path file : release.assets()) {
      try {
        var a = new GitHubJson.Asset(ids.incrementAndGet(), file.getFileName().toString(),
            Files.size(file), contentType(file.getFileName().toString()), file, release.tag());
        assets.put(a.id(), a);
        list.add(a);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot publish " + file + ": " + e.getMessage(), e);
      }
    }
    releases.add(0, new GitHubJson.Published(ids.incrementAndGet(), release, Instant.now(), list));
  }

  /** @return every request both servers received, oldest first */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    api.stop(0);
    storage.stop(0);
    executor.shutdownNow();
  }

  List<GitHubJson.Published> published() {
    return releases;
  }

  Map<Long, GitHubJson.Asset> assets() {
    return assets;
  }

  GitHubJson json() {
    return json;
  }

  private HttpServer start(String name, Handler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", ex -> {
      requests.add(new RecordedRequest(name, ex.getRequestMethod(),
          ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? ""
              : "?" + ex.getRequestURI().getRawQuery()), Map.copyOf(ex.getRequestHeaders())));
      try (ex) {
        handler.handle(ex);
      }
    });
    server.start();
    return server;
  }

  @FunctionalInterface
  interface Handler {
    void handle(HttpExchange ex) throws IOException;
  }

  static String contentType(String name) {
    return name.endsWith(".tar.gz") || name.endsWith(".tgz") ? "application/gzip"
        : name.endsWith(".zip") ? "application/zip"
        : name.endsWith(".json") ? "application/json" : "application/octet-stream";
  }

  static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}

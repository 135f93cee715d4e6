package dev.thingyan.bootstrap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Deployer-style app root for tests of the sample app: installs editions under
 * {@code releases/}, points {@code current} at one, runs its scripts, and kills every app
 * process it saw started when closed.
 */
final class SampleAppHost implements AutoCloseable {

  final Path root;
  final int port;
  final Path database;
  private final List<Long> started = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  SampleAppHost(Path root) throws IOException {
    this.root = root;
    this.port = freePort();
    this.database = SampleApp.writeSharedEnv(root, SampleAppRuntime.detect(), port);
  }

  static int freePort() throws IOException {
    try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  Path install(SampleEdition edition) {
    return SampleApp.writeRelease(edition, root.resolve("releases/" + edition.version() + "-20240101000000"));
  }

  void activate(Path release) throws IOException {
    Path tmp = root.resolve("current.tmp");
    Files.deleteIfExists(tmp);
    Files.createSymbolicLink(tmp, release);
    Files.move(tmp, root.resolve("current"), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Runs a command in {@code dir}; @return exit code and the combined output. */
  Result run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
    Result r = new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    recordPid();
    return r;
  }

  record Result(int exit, String output) {}

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String form) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  long appPid() throws IOException {
    return Long.parseLong(Files.readString(root.resolve("shared/app.pid")).trim());
  }

  private void recordPid() throws IOException {
    Path pidFile = root.resolve("shared/app.pid");
    if (Files.exists(pidFile)) {
      started.add(appPid());
    }
  }

  @Override
  public void close() {
    for (long pid : started) {
      ProcessHandle.of(pid).ifPresent(h -> {
        h.destroyForcibly();
        h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> h).join();
      });
    }
  }
}

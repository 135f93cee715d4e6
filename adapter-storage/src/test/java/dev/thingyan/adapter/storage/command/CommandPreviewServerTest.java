package dev.thingyan.adapter.storage.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-started preview with a real {@code php -S}: it serves the staged release (not
 * another), it is stopped with its children, a server a killed thingyan left is found from the
 * durable record and stopped, a reused pid is left alone, and a server that cannot start fails
 * with what it said.
 */
class CommandPreviewServerTest {

  @TempDir Path dir;

  private Path state;
  private Path release;
  private final List<String> log = new ArrayList<>();
  private final List<CommandPreviewServer> servers = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/php")), "php is not installed");
    state = Files.createDirectories(dir.resolve("app/.thingyan"));
    release = Files.createDirectories(dir.resolve("app/releases/1.2.0-20261207000000"));
    Files.createDirectories(release.resolve("public"));
    // a front controller like Laravel's: every path it does not have a file for comes here
    Files.writeString(release.resolve("public/index.php"),
        "<?php header('Content-Type: application/json'); echo json_encode(['app_version' => '1.2.0',"
            + " 'path' => $_SERVER['REQUEST_URI'], 'root' => __DIR__]);");
  }

  @AfterEach
  void stopAll() {
    servers.forEach(CommandPreviewServer::stop);
  }

  private CommandPreviewServer server(String command) {
    CommandPreviewServer s = new CommandPreviewServer(command, 0, Duration.ofSeconds(15), state, Optional.empty());
    servers.add(s);
    return s;
  }

  @Test
  void servesTheStagedReleaseOnALoopbackPortUntilStopped() throws Exception {
    CommandPreviewServer server = server(CommandPreviewServer.PHP_BUILT_IN);

    URI origin = server.start(release, (err, line) -> log.add(line));
    long pid = pid();

    assertThat(origin.getHost()).isEqualTo("127.0.0.1");
    HttpResponse<String> health = get(origin.resolve("/health"));
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"app_version\":\"1.2.0\"").contains("\"path\":\"\\/health\"")
        .contains(release.getFileName().toString());
    assertThat(log).anyMatch(l -> l.startsWith("started `php -S 127.0.0.1:" + origin.getPort()));

    assertThat(server.stop()).singleElement().asString().contains("pid " + pid);
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(state.resolve("preview-server")).doesNotExist();
    assertThat(server.stop()).as("idempotent").isEmpty();
  }

  @Test
  void aServerAKilledProcessLeftIsStoppedFromItsRecord() throws Exception {
    // the first instance plays the killed thingyan: it started the server and never stopped it
    URI origin = server(CommandPreviewServer.PHP_BUILT_IN).start(release, (err, line) -> {});
    long pid = pid();
    assertThat(get(origin.resolve("/health")).statusCode()).isEqualTo(200);

    CommandPreviewServer recovery = server(CommandPreviewServer.PHP_BUILT_IN);
    List<String> stopped = recovery.stop();

    assertThat(stopped).singleElement().asString().contains("a stopped process left").contains("pid " + pid);
    waitDead(pid);
    assertThat(state.resolve("preview-server")).doesNotExist();
  }

  @Test
  void aServerStartedButNotYetRecordedIsFoundByItsPortAndRelease() throws Exception {
    URI origin = server(CommandPreviewServer.PHP_BUILT_IN).start(release, (err, line) -> {});
    long pid = pid();
    // as if thingyan died between starting the server and writing its pid
    new PreviewRecord(state.resolve("preview-server")).write(Map.of("port", String.valueOf(origin.getPort()),
        "release", release.toString(), "command", "php -S 127.0.0.1:" + origin.getPort() + " -t " + release + "/public"));

    assertThat(server(CommandPreviewServer.PHP_BUILT_IN).stop()).singleElement().asString().contains("pid " + pid);
    waitDead(pid);
  }

  @Test
  void aReusedPidIsNotKilled() throws Exception {
    Process stranger = new ProcessBuilder("sleep", "60").start();
    try {
      // the record names the stranger's pid with another start time: a pid the system gave again
      new PreviewRecord(state.resolve("preview-server")).write(Map.of("port", "1", "release", release.toString(),
          "command", "php -S", "pid", String.valueOf(stranger.pid()), "started", "2020-01-01T00:00:00Z"));

      assertThat(server(CommandPreviewServer.PHP_BUILT_IN).stop()).isEmpty();
      assertThat(stranger.isAlive()).isTrue();
      assertThat(state.resolve("preview-server")).as("the stale record is gone").doesNotExist();
    } finally {
      stranger.destroyForcibly();
    }
  }

  @Test
  void aServerThatExitsFailsWithWhatItSaidAndLeavesNothing() {
    CommandPreviewServer server = server("php -S 127.0.0.1:{port} -t {release}/no-such-folder");

    assertThatThrownBy(() -> server.start(release, (err, line) -> {}))
        .hasMessageContaining("exited").hasMessageContaining("no-such-folder");
    assertThat(state.resolve("preview-server")).doesNotExist();
  }

  @Test
  void aServerThatNeverListensFailsAfterTheStartTimeoutAndIsStopped() throws InterruptedException {
    // a marker of this test alone: another suite's `sleep 30` must not count
    String marker = "never-listens-" + java.util.UUID.randomUUID();
    CommandPreviewServer server = new CommandPreviewServer("sleep 30 # " + marker + " {port}", 0,
        Duration.ofMillis(700), state, Optional.empty());
    servers.add(server);

    assertThatThrownBy(() -> server.start(release, (err, line) -> {}))
        .hasMessageContaining("did not listen").hasMessageContaining("start_timeout");
    // a signalled process takes a moment to be reaped: wait for it, boundedly
    java.util.function.Supplier<java.util.List<ProcessHandle>> left = () -> ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(h -> h.info().commandLine().orElse("").contains(marker)).toList();
    for (int i = 0; i < 100 && !left.get().isEmpty(); i++) {
      Thread.sleep(50);
    }
    assertThat(left.get()).isEmpty();
  }

  private long pid() throws IOException {
    String line = Files.readAllLines(state.resolve("preview-server")).stream().filter(l -> l.startsWith("pid="))
        .findFirst().orElseThrow();
    return Long.parseLong(line.substring(4));
  }

  private static void waitDead(long pid) throws InterruptedException {
    for (int i = 0; i < 100 && ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent(); i++) {
      Thread.sleep(50);
    }
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid " + pid + " stopped").isEmpty();
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

package dev.thingyan.adapter.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.out.ReleaseSource.DownloadProgress;
import dev.thingyan.ports.out.ReleaseSourceException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An endpoint that accepts the connection and never answers (a hung proxy, a black-holed route):
 * the wait ends at the configured total, with a message naming it and the key, and "still
 * waiting" lines along the way, instead of the read timeout times every retry in silence.
 */
class SilentEndpointTest {
  private static final Duration TOTAL = Duration.ofSeconds(3);
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final List<String> waitingLines = new CopyOnWriteArrayList<>();
  private ServerSocket silent;
  private Thread acceptor;
  @TempDir Path dir;

  @BeforeEach
  void listen() throws IOException {
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(() -> {
      try {
        while (true) {
          held.add(silent.accept()); // read nothing, answer nothing
        }
      } catch (IOException closed) {
        // the test is over
      }
    }, "silent-endpoint");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void close() throws IOException {
    silent.close();
    for (Socket s : held) {
      s.close();
    }
  }

  @Test
  void listingReleasesGivesUpAtTheTotalWaitSayingSo() {
    assertThatThrownBy(() -> source().releases())
        .isInstanceOf(ReleaseSourceException.class)
        .hasMessageContaining("did not answer within 3 s while listing releases")
        .hasMessageContaining("source.github.total_timeout");

    assertThat(waitingLines).isNotEmpty().allSatisfy(line -> assertThat(line)
        .startsWith("still waiting for GitHub at " + base() + " while listing releases: ")
        .endsWith("giving up after 3 s"));
  }

  @Test
  void aDownloadWhoseAnswerNeverComesGivesUpTheSameWay() {
    assertThatThrownBy(() -> source().download(AssetDownloadTest.asset(base() + "/asset/1", 237),
        dir.resolve("SHA256SUMS"), 64 << 10, DownloadProgress.NONE))
        // the answer's wait or the stalled reads after it: either way at the total, naming it
        .hasMessageContaining("app.tar.gz").hasMessageContaining("3 s")
        .hasMessageContaining("source.github.total_timeout");

    assertThat(waitingLines).isNotEmpty();
  }

  /** The answer comes, 10 bytes of 237 arrive, then nothing: the stall is said as it lasts. */
  @Test
  void aBodyThatStallsIsSaidEveryFewSecondsUntilTheTotalWait() {
    GitHubReplayServer api = GitHubReplayServer.start();
    String path = "/repos/octokit-fixture-org/release-assets/releases/assets/9";
    java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);
    api.on("GET", path, ex -> {
      ex.sendResponseHeaders(200, 237);
      try (java.io.OutputStream out = ex.getResponseBody()) {
        out.write(new byte[10]);
        out.flush();
        end.await(20, java.util.concurrent.TimeUnit.SECONDS);
      } catch (IOException | InterruptedException hungUp) {
        // the client gave up: what the test wants
      }
    });
    try {
      GitHubReleaseSource source = new GitHubReleaseSource(new GitHubSourceConfig(
          api.baseUrl(), Fixtures.OWNER, Fixtures.REPO, Optional.empty(),
          Duration.ofSeconds(2), Duration.ofSeconds(60), 3, "thingyan-test", TOTAL),
          waitingLines::add);

      assertThatThrownBy(() -> source.download(AssetDownloadTest.asset(api.baseUrl() + path, 237),
          dir.resolve("SHA256SUMS"), 64 << 10, DownloadProgress.NONE))
          .hasMessageContaining("app.tar.gz").hasMessageContaining("source.github.total_timeout");

      assertThat(waitingLines).anySatisfy(line -> assertThat(line)
          .startsWith("still waiting for GitHub at " + api.baseUrl()
              + " while downloading app.tar.gz: no data for ")
          .endsWith("giving up after 3 s"));
    } finally {
      end.countDown();
      api.close();
    }
  }

  private GitHubReleaseSource source() {
    return new GitHubReleaseSource(new GitHubSourceConfig(URI.create(base()), Fixtures.OWNER,
        Fixtures.REPO, Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(60), 3,
        "thingyan-test", TOTAL), waitingLines::add);
  }

  private String base() {
    return "http://127.0.0.1:" + silent.getLocalPort();
  }
}

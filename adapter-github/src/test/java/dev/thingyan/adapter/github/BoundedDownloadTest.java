package dev.thingyan.adapter.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.thingyan.ports.out.ReleaseSource.DownloadProgress;
import dev.thingyan.ports.out.ReleaseSourceException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that sends more than the release announced (an endless body, a huge Content-Length)
 * fills at most the bound on disk: the download stops at the first byte past it and the file is
 * emptied. The endless body is sent for real from a loopback server.
 */
class BoundedDownloadTest {
  private static final String PATH = "/repos/octokit-fixture-org/release-assets/releases/assets/9";
  private static final long ANNOUNCED = 237;
  private final GitHubReplayServer api = GitHubReplayServer.start();
  private final AtomicLong sent = new AtomicLong();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void anEndlessBodyForA237ByteAssetStopsAtByte238() throws Exception {
    api.on("GET", PATH, endless(-1));
    Path target = dir.resolve("SHA256SUMS");

    assertThatThrownBy(() -> source().download(AssetDownloadTest.asset(api.baseUrl() + PATH,
        ANNOUNCED), target, 1L << 30, DownloadProgress.NONE))
        .isInstanceOf(ReleaseSourceException.class)
        .hasMessageContaining("may hold at most 237 bytes (the size the release announced)")
        .hasMessageContaining("sent more than that");

    assertThat(Files.size(target)).isZero();
    assertThat(api.requests()).hasSize(1); // a lie is not retried
  }

  @Test
  void aContentLengthOverTheAnnouncedSizeIsRefusedBeforeTheBody() throws Exception {
    api.on("GET", PATH, endless(300L << 20));
    Path target = dir.resolve("app.tar.gz");

    assertThatThrownBy(() -> source().download(AssetDownloadTest.asset(api.baseUrl() + PATH,
        ANNOUNCED), target, 1L << 30, DownloadProgress.NONE))
        .hasMessageContaining("answered with a length of " + (300L << 20) + " bytes");

    assertThat(Files.size(target)).isZero();
  }

  @Test
  void anAssetOfUnknownSizeStopsAtTheLimitForItsKind() throws Exception {
    api.on("GET", PATH, endless(-1));
    Path target = dir.resolve("app.tar.gz");

    assertThatThrownBy(() -> source().download(AssetDownloadTest.asset(api.baseUrl() + PATH, -1),
        target, 1 << 20, DownloadProgress.NONE))
        .hasMessageContaining("may hold at most 1048576 bytes (the limit for this kind of file)");

    assertThat(Files.size(target)).isZero();
    assertThat(sent.get()).isGreaterThan(1 << 20);
  }

  @Test
  void anAssetAnnouncedOverTheLimitIsNotRequested() {
    assertThatThrownBy(() -> source().download(AssetDownloadTest.asset(api.baseUrl() + PATH,
        5L << 30), dir.resolve("app.tar.gz"), 4L << 30, DownloadProgress.NONE))
        .hasMessageContaining("announced as 5368709120 bytes, over the limit of 4294967296");

    assertThat(api.requests()).isEmpty();
    assertThat(dir.resolve("app.tar.gz")).doesNotExist();
  }

  private GitHubReleaseSource source() {
    return new GitHubReleaseSource(Fixtures.config(api.baseUrl()));
  }

  /** Zeros until the client hangs up (or 1 GiB), with this Content-Length (-1: chunked). */
  private HttpHandler endless(long contentLength) {
    return (HttpExchange ex) -> {
      ex.sendResponseHeaders(200, contentLength < 0 ? 0 : contentLength);
      byte[] chunk = new byte[64 * 1024];
      try (OutputStream out = ex.getResponseBody()) {
        while (sent.get() < (1L << 30)) {
          out.write(chunk);
          sent.addAndGet(chunk.length);
        }
      } catch (IOException hungUp) {
        // the client stopped reading: what the test wants
      }
    };
  }
}

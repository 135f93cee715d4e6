package dev.thingyan.adapter.github;

import static dev.thingyan.adapter.github.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.DownloadedFile;
import dev.thingyan.ports.model.ReleaseAsset;
import dev.thingyan.ports.out.ReleaseSource.DownloadProgress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads as GitHub serves them: the API answers 302 to another host (server B here), which
 * serves the bytes. The token must reach the API (server A) and never B.
 */
class AssetDownloadTest {
  static final String ASSET_PATH = "/repos/octokit-fixture-org/release-assets/releases/assets/7";
  final GitHubReplayServer api = GitHubReplayServer.start();
  final GitHubReplayServer objects = GitHubReplayServer.start();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    api.close();
    objects.close();
  }

  @Test
  void recordedRedirectToAnotherHostCarriesNoToken() throws Exception {
    String path = "/repos/octokit-fixture-org/get-archive/tarball/main";
    api.replay("get-archive.json").rewrite("https://codeload.github.com", objects.baseUrl());
    objects.replay("get-archive.json", "https://codeload.github.com:443");
    byte[] recorded = HexFormat.of().parseHex(
        Fixtures.exchange("get-archive.json", 1).path("response").asText());
    Path target = dir.resolve("archive.tar.gz");

    DownloadedFile file = source().download(asset(api.baseUrl() + path, 176), target, DownloadProgress.NONE);

    assertThat(Files.readAllBytes(target)).isEqualTo(recorded);
    assertThat(file).isEqualTo(new DownloadedFile(target, 176, sha256(recorded)));
    GitHubReplayServer.Received toApi = api.requests().get(0);
    assertThat(toApi.header("authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(toApi.header("accept")).isEqualTo("application/octet-stream");
    assertThat(objects.requests()).hasSize(1);
    assertThat(objects.requests().get(0).header("authorization")).isNull();
    assertThat(objects.requests().get(0).headers().toString()).doesNotContain(TOKEN);
  }

  @Test
  void redirectWithinTheApiOriginKeepsTheToken() throws Exception {
    Blob blob = new Blob(10_000, 1);
    api.respond("GET", ASSET_PATH, 302, Map.of("location", "/storage/7"), new byte[0]);
    api.on("GET", "/storage/7", BlobHandler.serving(blob));

    DownloadedFile file = source().download(asset(api.baseUrl() + ASSET_PATH, blob.size()),
        dir.resolve("a.bin"), DownloadProgress.NONE);

    assertThat(file.sha256Hex()).isEqualTo(blob.sha256());
    assertThat(api.requests()).extracting(r -> r.header("authorization"))
        .containsExactly("Bearer " + TOKEN, "Bearer " + TOKEN);
  }

  @Test
  void largeDownloadStreamsWithFlatMemoryAndReportsProgress() throws Exception {
    Blob blob = new Blob(64L * 1024 * 1024, 64);
    redirectTo(BlobHandler.serving(blob));
    List<long[]> progress = new CopyOnWriteArrayList<>();
    long allocatedBefore = allocatedBytes();

    DownloadedFile file = source().download(asset(api.baseUrl() + ASSET_PATH, blob.size()),
        dir.resolve("big.bin"), (done, total) -> progress.add(new long[] {done, total}));

    long allocated = allocatedBytes() - allocatedBefore;
    assertThat(file.size()).isEqualTo(blob.size());
    assertThat(file.sha256Hex()).isEqualTo(blob.sha256());
    assertThat(Files.size(file.path())).isEqualTo(blob.size());
    // Nothing the size of the asset was ever allocated by the downloading thread.
    assertThat(allocated).isLessThan(blob.size() / 4);
    assertThat(progress).hasSizeBetween(16, 17);
    assertThat(progress.get(0)[0]).isBetween(4L << 20, (4L << 20) + HashingFile.BUFFER);
    assertThat(progress.get(progress.size() - 1)).containsExactly(blob.size(), blob.size());
  }

  @Test
  void serverErrorDuringADownloadIsTriedAgain() throws Exception {
    Blob blob = new Blob(10_000, 2);
    AtomicInteger calls = new AtomicInteger();
    String target = objects.baseUrl() + "/objects/7";
    api.on("GET", ASSET_PATH, ex -> {
      boolean first = calls.getAndIncrement() == 0;
      api.send(ex, first ? 503 : 302, first ? Map.of() : Map.of("location", target), new byte[0]);
    });
    objects.on("GET", "/objects/7", BlobHandler.serving(blob));

    DownloadedFile file = source().download(asset(api.baseUrl() + ASSET_PATH, blob.size()),
        dir.resolve("a.bin"), DownloadProgress.NONE);

    assertThat(file.sha256Hex()).isEqualTo(blob.sha256());
    assertThat(calls).hasValue(2);
  }

  void redirectTo(BlobHandler handler) {
    api.respond("GET", ASSET_PATH, 302,
        Map.of("location", objects.baseUrl() + "/objects/7?X-Amz-Signature=abc"), new byte[0]);
    objects.on("GET", "/objects/7?X-Amz-Signature=abc", handler);
  }

  GitHubReleaseSource source() {
    return new GitHubReleaseSource(Fixtures.config(api.baseUrl()));
  }

  static ReleaseAsset asset(String url, long size) {
    return new ReleaseAsset("app.tar.gz", size, URI.create(url), "application/gzip");
  }

  static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

}

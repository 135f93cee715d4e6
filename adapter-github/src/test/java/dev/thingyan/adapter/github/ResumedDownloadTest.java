package dev.thingyan.adapter.github;

import static dev.thingyan.adapter.github.AssetDownloadTest.ASSET_PATH;
import static dev.thingyan.adapter.github.AssetDownloadTest.asset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.thingyan.ports.model.DownloadedFile;
import dev.thingyan.ports.out.ReleaseSource.DownloadProgress;
import dev.thingyan.ports.out.ReleaseSourceException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dropped connections and partial files resume with HTTP Range and end with the right bytes. */
class ResumedDownloadTest {
  private final AssetDownloadTest setup = new AssetDownloadTest();
  private final Blob blob = new Blob(3 * 1024 * 1024 + 17, 7);
  @TempDir Path dir;

  @AfterEach
  void stop() {
    setup.stop();
  }

  @Test
  void droppedConnectionResumesFromWhatIsOnDisk() throws Exception {
    long half = blob.size() / 2;
    BlobHandler objects = new BlobHandler(blob, 1, half, true);
    setup.redirectTo(objects);

    DownloadedFile file = download(dir.resolve("app.tar.gz"));

    assertThat(objects.ranges()).containsExactly("none", "bytes=" + half + "-");
    assertComplete(file);
  }

  @Test
  void partialFileFromAnEarlierRunIsHashedAndResumedWithOneRangeRequest() throws Exception {
    Path target = dir.resolve("app.tar.gz");
    copyPrefix(target, 1_000_003);
    BlobHandler objects = BlobHandler.serving(blob);
    setup.redirectTo(objects);

    DownloadedFile file = download(target);

    assertThat(objects.ranges()).containsExactly("bytes=1000003-");
    assertThat(setup.api.requests()).singleElement()
        .satisfies(r -> assertThat(r.header("range")).isEqualTo("bytes=1000003-"));
    assertComplete(file);
  }

  @Test
  void serverIgnoringRangeMakesItStartOver() throws Exception {
    Path target = dir.resolve("app.tar.gz");
    Files.write(target, new byte[5000]); // not the asset's bytes: must not survive
    BlobHandler objects = new BlobHandler(blob, 0, 0, false);
    setup.redirectTo(objects);

    DownloadedFile file = download(target);

    assertThat(objects.ranges()).containsExactly("bytes=5000-");
    assertComplete(file);
  }

  @Test
  void connectionThatKeepsDroppingFailsAfterTheAttemptsAndKeepsThePart() throws Exception {
    BlobHandler objects = new BlobHandler(blob, 10, 100_000, true);
    setup.redirectTo(objects);
    Path target = dir.resolve("app.tar.gz");

    ReleaseSourceException e = catchThrowableOfType(ReleaseSourceException.class, () -> download(target));

    assertThat(e.getMessage()).contains("failed after 3 attempts", "is kept", "resumes");
    GitHubErrorsTest.assertNoToken(e);
    assertThat(objects.ranges()).containsExactly("none", "bytes=100000-", "bytes=200000-");
    assertThat(Files.size(target)).isEqualTo(300_000);
  }

  @Test
  void completeFileIsNotFetchedAgain() throws Exception {
    Path target = dir.resolve("app.tar.gz");
    copyPrefix(target, blob.size());

    assertComplete(download(target));
    assertThat(setup.api.requests()).isEmpty();
  }

  @Test
  void bodyShorterThanTheAnnouncedAssetSizeFails() throws Exception {
    Blob shorter = new Blob(1000, 7);
    setup.redirectTo(BlobHandler.serving(shorter));
    Path target = dir.resolve("app.tar.gz");

    ReleaseSourceException e = catchThrowableOfType(ReleaseSourceException.class, () -> download(target));

    assertThat(e.getMessage()).contains("ended with 1000 bytes", String.valueOf(blob.size()), "announced");
  }

  @Test
  void missingAssetIsNotFoundWithoutTheToken() {
    setup.api.respond("GET", ASSET_PATH, 404, Map.of("content-type", "application/json"),
        "{\"message\":\"Not Found\"}".getBytes());

    ReleaseSourceException e = catchThrowableOfType(ReleaseSourceException.class,
        () -> download(dir.resolve("app.tar.gz")));

    assertThat(e.getMessage()).contains("HTTP 404", "Not Found", "app.tar.gz");
    GitHubErrorsTest.assertNoToken(e);
  }

  @Test
  void redirectLoopStopsAfterFiveRedirects() {
    setup.api.respond("GET", ASSET_PATH, 302, Map.of("location", ASSET_PATH), new byte[0]);

    ReleaseSourceException e = catchThrowableOfType(ReleaseSourceException.class,
        () -> download(dir.resolve("app.tar.gz")));

    assertThat(e.getMessage()).contains("redirected more than 5 times");
    assertThat(setup.api.requests()).hasSize(AssetConnection.MAX_REDIRECTS + 1);
  }

  private DownloadedFile download(Path target) {
    return setup.source().download(asset(setup.api.baseUrl() + ASSET_PATH, blob.size()), target,
        DownloadProgress.NONE);
  }

  private void assertComplete(DownloadedFile file) throws Exception {
    assertThat(file.size()).isEqualTo(blob.size());
    assertThat(file.sha256Hex()).isEqualTo(blob.sha256());
    assertThat(Files.size(file.path())).isEqualTo(blob.size());
    try (InputStream in = Files.newInputStream(file.path())) {
      assertThat(AssetDownloadTest.sha256(in.readAllBytes())).isEqualTo(blob.sha256());
    }
  }

  private void copyPrefix(Path target, long n) throws Exception {
    try (InputStream in = blob.from(0)) {
      Files.write(target, in.readNBytes((int) n));
    }
  }
}

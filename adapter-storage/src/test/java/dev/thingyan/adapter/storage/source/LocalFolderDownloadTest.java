package dev.thingyan.adapter.storage.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.DownloadedFile;
import dev.thingyan.ports.model.ReleaseAsset;
import dev.thingyan.ports.out.ReleaseSourceException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copying an asset out of the release folder: hashing, resuming, refusing what lies outside. */
class LocalFolderDownloadTest {

  private static final int SIZE = 9 * 1024 * 1024 + 123;

  @TempDir Path root;
  @TempDir Path downloads;
  private byte[] content;
  private ReleaseAsset asset;
  private LocalFolderReleaseSource source;
  private final List<long[]> progress = new ArrayList<>();

  @BeforeEach
  void publish() throws IOException {
    content = new byte[SIZE];
    new Random(42).nextBytes(content);
    Files.write(Files.createDirectories(root.resolve("v1.4.0")).resolve("pms.tar.gz"), content);
    source = new LocalFolderReleaseSource(root);
    asset = source.release("v1.4.0").orElseThrow().asset("pms.tar.gz").orElseThrow();
  }

  @Test
  void copiesAndHashesTheAsset() throws Exception {
    DownloadedFile file = download(downloads.resolve("run-1/pms.tar.gz"));

    assertThat(Files.readAllBytes(file.path())).isEqualTo(content);
    assertThat(file.size()).isEqualTo(SIZE);
    assertThat(file.sha256Hex()).isEqualTo(sha256(content));
    assertThat(progress).hasSizeGreaterThan(1);
    assertThat(progress.get(progress.size() - 1)).containsExactly(SIZE, SIZE);
  }

  @Test
  void resumesFromAPrefixAlreadyOnDisk() throws Exception {
    Path target = Files.write(downloads.resolve("pms.tar.gz"), Arrays.copyOf(content, 5_000_001));

    DownloadedFile file = download(target);

    assertThat(progress.get(0)).as("first report: where it resumed").containsExactly(5_000_001, SIZE);
    assertThat(Files.readAllBytes(target)).isEqualTo(content);
    assertThat(file.sha256Hex()).isEqualTo(sha256(content));
  }

  @Test
  void keepsOnlyTheMatchingPartOfADifferentOrLongerFile() throws Exception {
    byte[] stale = Arrays.copyOf(content, SIZE + 5000);
    stale[3_000_000] ^= 1;
    Path target = Files.write(downloads.resolve("pms.tar.gz"), stale);

    DownloadedFile file = download(target);

    assertThat(progress.get(0)).containsExactly(3_000_000, SIZE);
    assertThat(Files.readAllBytes(target)).isEqualTo(content);
    assertThat(file.sha256Hex()).isEqualTo(sha256(content));
  }

  @Test
  void refusesALocationOutsideTheFolder(@TempDir Path elsewhere) throws IOException {
    Path outside = Files.writeString(elsewhere.resolve("x.tar.gz"), "not ours");
    ReleaseAsset direct = new ReleaseAsset("x.tar.gz", 8, outside.toUri(), null);
    Files.createSymbolicLink(root.resolve("v1.4.0/link.tar.gz"), outside);
    ReleaseAsset linked = new ReleaseAsset("link.tar.gz", 8,
        root.resolve("v1.4.0/link.tar.gz").toUri(), null);
    ReleaseAsset dotdot = new ReleaseAsset("x.tar.gz", 8,
        URI.create(root.toUri() + "v1.4.0/../../" + elsewhere.getFileName() + "/x.tar.gz"), null);

    for (ReleaseAsset a : List.of(direct, linked, dotdot)) {
      assertThatThrownBy(() -> source.download(a, downloads.resolve("x"), (d, t) -> {}))
          .isInstanceOf(ReleaseSourceException.class)
          .hasMessageContaining("outside the release folder");
    }
    assertThat(downloads.resolve("x")).doesNotExist();
  }

  @Test
  void refusesANonFileLocationAndAVanishedAsset() throws IOException {
    ReleaseAsset http = new ReleaseAsset("pms.tar.gz", 1, URI.create("https://example.com/a"), null);
    Files.delete(root.resolve("v1.4.0/pms.tar.gz"));

    assertThatThrownBy(() -> source.download(http, downloads.resolve("x"), null))
        .hasMessageContaining("not a file in the release folder");
    assertThatThrownBy(() -> source.download(asset, downloads.resolve("x"), null))
        .hasMessageContaining("no longer in the release folder");
  }

  private DownloadedFile download(Path target) {
    return source.download(asset, target, (done, total) -> progress.add(new long[] {done, total}));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}

package dev.thingyan.adapter.storage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.ExtractionLimits;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.FaultPoints;
import dev.thingyan.ports.out.UnsafeArchiveException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entry-count and size bombs, including headers that understate what their data unpacks to. */
class ArchiveLimitsTest {
  private static final ExtractionLimits LIMITS = new ExtractionLimits(3_000, 10, 1_000);

  @TempDir Path tmp;
  private FileSystemReleaseWorkspace workspace;
  private Path staging;

  @BeforeEach
  void setUp() {
    workspace = new FileSystemReleaseWorkspace(tmp.resolve("app"), FaultPoints.NONE);
    staging = workspace.prepareStaging(Version.parse("2.0.0"), Instant.parse("2025-03-01T00:00:00Z"));
  }

  @Test
  void refusesOneEntryMoreThanTheLimit() throws IOException {
    TarBuilder tar = TarBuilder.tar();
    for (int i = 1; i <= LIMITS.maxEntries() + 1; i++) {
      tar.file("app/f" + i, "x");
    }
    refused(tar.writeTo(tmp.resolve("many.tar.gz")), LIMITS)
        .hasMessageContaining("'app/f11' is entry number 11, over the limit of 10 entries");
  }

  @Test
  void allowsExactlyTheLimit() throws IOException {
    TarBuilder tar = TarBuilder.tar();
    for (int i = 1; i <= LIMITS.maxEntries(); i++) {
      tar.file("app/f" + i, "x");
    }
    assertThat(workspace.extract(tar.writeTo(tmp.resolve("ok.tar.gz")), staging, LIMITS).files())
        .isEqualTo(10);
  }

  @Test
  void refusesAFileOverThePerFileLimit() throws IOException {
    Path archive = TarBuilder.tar().file("app/ok", "x").file("app/big", new byte[1_001], 0644)
        .writeTo(tmp.resolve("big.tar.gz"));
    refused(archive, LIMITS).hasMessageContaining("'app/big' declares more than the limit of 1000 bytes");
  }

  @Test
  void refusesManyFilesOverTheTotal() throws IOException {
    TarBuilder tar = TarBuilder.tar();
    for (int i = 1; i <= 7; i++) {
      tar.file("app/f" + i, new byte[500], 0644);
    }
    refused(tar.writeTo(tmp.resolve("total.tar.gz")), LIMITS)
        .hasMessageContaining("'app/f7' brings the declared total over the limit of 3000 bytes");
  }

  /** A sparse entry reads as more bytes than it stores, and readers expand it differently. */
  @Test
  void refusesASparseTarEntryOutright() throws IOException {
    Path archive = TarBuilder.tar().file("app/ok", "x").sparse("app/sparse.bin", 5_000_000)
        .writeTo(tmp.resolve("sparse.tar.gz"));
    refused(archive, ExtractionLimits.DEFAULT)
        .hasMessageContaining("PAX key 'GNU.sparse.major'").hasMessageContaining("a sparse file");
  }

  @Test
  void countsTheBytesOfAZipEntryWhoseHeadersLie() throws IOException {
    Path archive = ZipBuilder.zip().file("app/ok", "x").file("app/zeros", new byte[2_000_000], 0100644)
        .writeTo(tmp.resolve("liar.zip"));
    ZipBuilder.lieAboutSizes(archive, 100);
    refused(archive, new ExtractionLimits(1L << 30, 100, 1_000_000))
        .hasMessageContaining("'app/zeros' has more than the limit of 1000000 bytes");
  }

  private AbstractThrowableAssert<?, ? extends Throwable> refused(Path archive,
      ExtractionLimits limits) throws IOException {
    Set<String> before = TreeSnapshot.of(tmp);
    AbstractThrowableAssert<?, ? extends Throwable> thrown =
        assertThatThrownBy(() -> workspace.extract(archive, staging, limits))
            .isInstanceOf(UnsafeArchiveException.class);
    assertThat(staging).isEmptyDirectory();
    assertThat(TreeSnapshot.of(tmp)).isEqualTo(before);
    return thrown;
  }
}

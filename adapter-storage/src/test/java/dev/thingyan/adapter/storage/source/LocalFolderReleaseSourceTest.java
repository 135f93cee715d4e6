package dev.thingyan.adapter.storage.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.Release;
import dev.thingyan.ports.model.ReleaseAsset;
import dev.thingyan.ports.out.ReleaseSourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing a release folder: what counts as a release, as an asset, and in which order. */
class LocalFolderReleaseSourceTest {

  @TempDir Path root;

  @Test
  void listsSemverFoldersNewestFirstSkippingDraftsAndOtherFolders() throws IOException {
    release("v1.9.0");
    release("v1.10.0");
    release("1.10.0-rc.1");
    release("v2.0.0");
    Files.createFile(root.resolve("v2.0.0/DRAFT"));
    release("latest");
    release("v1.2");
    Files.writeString(root.resolve("v3.0.0"), "a file, not a folder");

    List<Release> releases = new LocalFolderReleaseSource(root).releases();

    assertThat(releases).extracting(Release::tag).containsExactly("v1.10.0", "1.10.0-rc.1", "v1.9.0");
    assertThat(releases).extracting(Release::preRelease).containsExactly(false, true, false);
    assertThat(releases).noneMatch(Release::draft);
  }

  @Test
  void readsAssetsAndNotesButNotTheMarkersOrHiddenFiles() throws IOException {
    Path dir = release("v1.4.0");
    Files.writeString(dir.resolve("NOTES.md"), "## ၁.၄.၀\nFaster check-in.\n");
    Files.writeString(dir.resolve(".pms.tar.gz.part"), "half");

    Release r = new LocalFolderReleaseSource(root).release("v1.4.0").orElseThrow();

    assertThat(r.notes()).isEqualTo("## ၁.၄.၀\nFaster check-in.\n");
    assertThat(r.assets()).extracting(ReleaseAsset::name)
        .containsExactly("SHA256SUMS", "SHA256SUMS.minisig", "pms-1.4.0.tar.gz", "release.json");
    ReleaseAsset pkg = r.asset("pms-1.4.0.tar.gz").orElseThrow();
    assertThat(pkg.size()).isEqualTo(Files.size(dir.resolve("pms-1.4.0.tar.gz")));
    assertThat(pkg.location().getScheme()).isEqualTo("file");
    assertThat(Path.of(pkg.location())).isEqualTo(dir.resolve("pms-1.4.0.tar.gz"));
    assertThat(pkg.contentType()).isEqualTo("application/gzip");
    assertThat(r.publishedAt()).isPresent();
  }

  @Test
  void findsAReleaseByTagWithOrWithoutTheV() throws IOException {
    release("v1.4.0");
    release("2.0.0-rc.1");
    LocalFolderReleaseSource source = new LocalFolderReleaseSource(root);

    assertThat(source.release("1.4.0")).map(Release::tag).contains("v1.4.0");
    assertThat(source.release("v2.0.0-rc.1")).map(Release::tag).contains("2.0.0-rc.1");
    assertThat(source.release("v1.5.0")).isEmpty();
    assertThat(source.release("not-a-version")).isEmpty();
  }

  @Test
  void doesNotListAFileThatLinksOutsideTheFolder(@TempDir Path elsewhere) throws IOException {
    Path dir = release("v1.4.0");
    Path secret = Files.writeString(elsewhere.resolve("shadow"), "root:x:0:0");
    Files.createSymbolicLink(dir.resolve("evil.tar.gz"), secret);
    Files.createSymbolicLink(dir.resolve("alias.json"), dir.resolve("release.json"));

    Release r = new LocalFolderReleaseSource(root).release("v1.4.0").orElseThrow();

    assertThat(r.asset("evil.tar.gz")).isEmpty();
    assertThat(r.asset("alias.json")).isPresent();
  }

  @Test
  void saysWhatToDoWhenTheFolderIsMissing() {
    LocalFolderReleaseSource source = new LocalFolderReleaseSource(root.resolve("usb/releases"));

    assertThat(source.describe()).isEqualTo("folder " + root.resolve("usb/releases"));
    assertThatThrownBy(source::releases)
        .isInstanceOf(ReleaseSourceException.class)
        .hasMessageContaining("does not exist or cannot be read")
        .hasMessageContaining("is mounted");
  }

  private Path release(String tag) throws IOException {
    Path dir = Files.createDirectories(root.resolve(tag));
    Files.writeString(dir.resolve("pms-1.4.0.tar.gz"), "package bytes " + tag);
    Files.writeString(dir.resolve("SHA256SUMS"), "sums");
    Files.writeString(dir.resolve("SHA256SUMS.minisig"), "sig");
    Files.writeString(dir.resolve("release.json"), "{}");
    return dir;
  }
}

package dev.thingyan.adapter.storage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.ExtractionLimits;
import dev.thingyan.ports.model.ExtractionResult;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.FaultPoints;
import dev.thingyan.ports.out.UnsafeArchiveException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real release packages extract whole, top folder stripped, links and executables intact. */
class GoodArchiveTest {
  private static final byte[] SCRIPT = "#!/bin/sh\necho artisan says hi\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path tmp;
  private FileSystemReleaseWorkspace workspace;
  private Path staging;

  @BeforeEach
  void setUp() {
    workspace = new FileSystemReleaseWorkspace(tmp.resolve("app"), FaultPoints.NONE);
    staging = workspace.prepareStaging(Version.parse("1.2.0"), Instant.parse("2025-01-02T03:04:05Z"));
  }

  @Test
  void extractsATarGzWithItsTopFolderStripped() throws Exception {
    Path archive = TarBuilder.tar().dir("app-1.2.0")
        .file("app-1.2.0/artisan", SCRIPT, 0755)
        .file("app-1.2.0/config/app.php", "<?php return [];")
        .dir("app-1.2.0/storage/app/public")
        .symlink("app-1.2.0/public/storage", "../storage/app/public")
        .file("app-1.2.0/vendor/pkg/bin/tool.sh", SCRIPT, 0755)
        .symlink("app-1.2.0/vendor/bin/tool", "../pkg/bin/tool.sh")
        .hardlink("app-1.2.0/docs/app.php", "app-1.2.0/config/app.php")
        .writeTo(tmp.resolve("app-1.2.0.tar.gz"));

    ExtractionResult result = workspace.extract(archive, staging, ExtractionLimits.DEFAULT);

    assertThat(result.files()).isEqualTo(3);
    assertThat(result.links()).isEqualTo(3);
    assertThat(result.bytes()).isEqualTo(2L * SCRIPT.length + "<?php return [];".length());
    assertThat(staging.resolve("app-1.2.0")).doesNotExist();
    assertThat(staging.resolve("config/app.php")).hasContent("<?php return [];");
    assertThat(staging.resolve("docs/app.php")).hasContent("<?php return [];");
    assertThat(Files.readSymbolicLink(staging.resolve("public/storage")))
        .isEqualTo(Path.of("../storage/app/public"));
    assertThat(staging.resolve("public/storage").toRealPath())
        .isEqualTo(staging.resolve("storage/app/public").toRealPath());
    assertExecutable(staging.resolve("artisan"));
    assertThat(run(staging.resolve("vendor/bin/tool"))).isEqualTo("artisan says hi");
    assertThat(Files.getPosixFilePermissions(staging.resolve("config/app.php")))
        .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
  }

  @Test
  void extractsAZipEvenWhenNamedLikeATarGz() throws Exception {
    Path archive = ZipBuilder.zip().dir("pms/")
        .file("pms/artisan", SCRIPT, 0100755)
        .file("pms/app/Http/Kernel.php", "<?php")
        .symlink("pms/public/storage", "../storage/app/public")
        .dir("pms/storage/app/public")
        .writeTo(tmp.resolve("misnamed.tar.gz"));

    ExtractionResult result = workspace.extract(archive, staging, ExtractionLimits.DEFAULT);

    assertThat(result.files()).isEqualTo(2);
    assertThat(result.links()).isEqualTo(1);
    assertThat(staging.resolve("app/Http/Kernel.php")).hasContent("<?php");
    assertThat(staging.resolve("public/storage").toRealPath())
        .isEqualTo(staging.resolve("storage/app/public").toRealPath());
    assertExecutable(staging.resolve("artisan"));
    assertThat(run(staging.resolve("artisan"))).isEqualTo("artisan says hi");
  }

  @Test
  void keepsSeveralTopLevelEntriesAsTheyAre() throws Exception {
    Path archive = TarBuilder.tar().file("artisan", SCRIPT, 0755).file("app/Kernel.php", "<?php")
        .writeTo(tmp.resolve("flat.zip"));

    workspace.extract(archive, staging, ExtractionLimits.DEFAULT);

    assertThat(staging.resolve("artisan")).exists();
    assertThat(staging.resolve("app/Kernel.php")).exists();
  }

  @Test
  void refusesWhatIsNeitherTarGzNorZip() throws IOException {
    Path text = Files.writeString(tmp.resolve("release.tar.gz"), "not an archive at all");
    assertThatThrownBy(() -> workspace.extract(text, staging, ExtractionLimits.DEFAULT))
        .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("neither a .tar.gz nor a .zip");
  }

  @Test
  void refusesATruncatedDownloadAndCleansUp() throws IOException {
    Path full = TarBuilder.tar().file("app/a", new byte[200_000], 0644).file("app/b", "x")
        .writeTo(tmp.resolve("full.tar.gz"));
    byte[] bytes = Files.readAllBytes(full);
    Path cut = Files.write(tmp.resolve("cut.tar.gz"), Arrays.copyOf(bytes, bytes.length - 40));

    assertThatThrownBy(() -> workspace.extract(cut, staging, ExtractionLimits.DEFAULT))
        .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("Download it again");
    assertThat(staging).isEmptyDirectory();
  }

  @Test
  void extractsOnlyIntoAnEmptyReleaseFolder() throws IOException {
    Path archive = TarBuilder.tar().file("a", "x").writeTo(tmp.resolve("a.tar.gz"));
    Files.writeString(staging.resolve("left-over"), "x");
    assertThatThrownBy(() -> workspace.extract(archive, staging, ExtractionLimits.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not empty");
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    assertThatThrownBy(() -> workspace.extract(archive, elsewhere, ExtractionLimits.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a release folder");
    assertThat(elsewhere).isEmptyDirectory();
  }

  private static void assertExecutable(Path file) throws IOException {
    assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.OWNER_EXECUTE,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
  }

  private static String run(Path script) throws Exception {
    Process p = new ProcessBuilder(script.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor()).isZero();
    return out;
  }
}

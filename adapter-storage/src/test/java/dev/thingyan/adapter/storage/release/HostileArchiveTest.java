package dev.thingyan.adapter.storage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.ExtractionLimits;
import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.out.FaultPoints;
import dev.thingyan.ports.out.UnsafeArchiveException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each hostile tar.gz is refused naming the entry and the rule, nothing lands outside the staging
 * folder, and the staging folder is left empty (good entries come first, so there is something
 * to clean up).
 */
class HostileArchiveTest {
  @TempDir Path tmp;
  private FileSystemReleaseWorkspace workspace;
  private Path staging;
  private Path outside;

  @FunctionalInterface
  interface Hostile {
    void add(TarBuilder tar, Path outside);
  }

  @BeforeEach
  void setUp() throws IOException {
    workspace = new FileSystemReleaseWorkspace(tmp.resolve("app"), FaultPoints.NONE);
    staging = workspace.prepareStaging(Version.parse("1.2.0"), Instant.parse("2025-01-02T03:04:05Z"));
    outside = Files.createDirectories(tmp.resolve("outside"));
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        a("../evil", (t, o) -> t.file("../evil", "x"), "'../evil' contains a '..' segment"),
        a("app/../../evil", (t, o) -> t.file("app/../../evil", "x"), "contains a '..' segment"),
        a("/etc/evil", (t, o) -> t.file("/etc/evil", "x"), "'/etc/evil' is an absolute path"),
        a("symlink to /etc/passwd", (t, o) -> t.symlink("app/passwd", "/etc/passwd"),
            "'app/passwd' is a symbolic link to '/etc/passwd', which is an absolute path"),
        a("symlink a -> ../../outside", (t, o) -> t.symlink("app/a", "../../outside"),
            "'app/a' is a symbolic link to '../../outside', which points outside the release"),
        a("nested symlink escaping", (t, o) -> t.symlink("app/sub/a", "../../outside"),
            "points outside the release folder"),
        a("symlink climbing after a name", (t, o) -> t.symlink("app/b", "sub/../../x"),
            "climbs with '..' after a folder name"),
        a("write through absolute link", (t, o) -> t.symlink("app/link", o.toString())
            .file("app/link/evil", "x"), "'app/link' is a symbolic link to '" + "/"),
        a("write through internal link", (t, o) -> t.symlink("app/link", "sub")
            .file("app/link/evil", "x"),
            "'app/link/evil' would be written through 'link', which is a symbolic link"),
        a("file over an earlier link", (t, o) -> t.symlink("app/link", "sub/nested.txt")
            .file("app/link", "x"), "'app/link' appears twice"),
        a("hard link to /etc/passwd", (t, o) -> t.hardlink("app/h", "/etc/passwd"),
            "'app/h' is a hard link to '/etc/passwd', which is an absolute path"),
        a("hard link to ../x", (t, o) -> t.hardlink("app/h", "../x"),
            "'app/h' is a hard link to '../x', which contains a '..' segment"),
        a("hard link to a missing file", (t, o) -> t.hardlink("app/h", "app/missing.txt"),
            "which is not a file extracted before it"),
        a("character device", (t, o) -> t.special("app/tty", TarConstants.LF_CHR),
            "'app/tty' is a character device"),
        a("block device", (t, o) -> t.special("app/sda", TarConstants.LF_BLK),
            "'app/sda' is a block device"),
        a("FIFO", (t, o) -> t.special("app/pipe", TarConstants.LF_FIFO), "'app/pipe' is a FIFO"));
  }

  private static Arguments a(String name, Hostile hostile, String message) {
    return Arguments.of(name, hostile, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void refusesAndCleansUp(String name, Hostile hostile, String message) throws IOException {
    TarBuilder tar = TarBuilder.tar().dir("app").file("app/ok.txt", "fine")
        .file("app/sub/nested.txt", "fine");
    hostile.add(tar, outside);
    Path archive = tar.writeTo(tmp.resolve("hostile.tar.gz"));
    Set<String> before = TreeSnapshot.of(tmp);

    assertThatThrownBy(() -> workspace.extract(archive, staging, ExtractionLimits.DEFAULT))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessageContaining(message)
        .hasMessageContaining("Nothing of it was kept");

    assertThat(TreeSnapshot.of(tmp)).isEqualTo(before);
    assertThat(staging).isEmptyDirectory();
    assertThat(outside).isEmptyDirectory();
    assertThat(Path.of("/etc/evil")).doesNotExist();
  }
}

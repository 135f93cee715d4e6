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
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The same rules for zip, whose names may also carry backslashes and drive letters. */
class HostileZipTest {
  @TempDir Path tmp;
  private FileSystemReleaseWorkspace workspace;
  private Path staging;

  @BeforeEach
  void setUp() {
    workspace = new FileSystemReleaseWorkspace(tmp.resolve("app"), FaultPoints.NONE);
    staging = workspace.prepareStaging(Version.parse("1.0.0"), Instant.parse("2025-01-01T00:00:00Z"));
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        a(z -> z.file("../evil", "x"), "'../evil' contains a '..' segment"),
        a(z -> z.file("app/../../evil", "x"), "contains a '..' segment"),
        a(z -> z.file("/tmp/evil", "x"), "'/tmp/evil' is an absolute path"),
        // commons-compress reads a name without '/' as DOS-style and turns '\\' into '/'
        a(z -> z.file("..\\evil", "x"), "'../evil' contains a '..' segment"),
        a(z -> z.file("app/..\\..\\evil", "x"), "'app/..\\..\\evil' contains a backslash"),
        a(z -> z.file("C:/evil", "x"), "starts with a Windows drive letter"),
        a(z -> z.file("app/nul\0name", "x"), "'app/nul?name' contains a NUL character"),
        a(z -> z.symlink("app/passwd", "/etc/passwd"),
            "'app/passwd' is a symbolic link to '/etc/passwd', which is an absolute path"),
        a(z -> z.symlink("app/up", "../../outside"), "points outside the release folder"),
        a(z -> z.symlink("app/link", "sub").file("app/link/evil", "x"),
            "'app/link/evil' would be written through 'link', which is a symbolic link"),
        a(z -> z.file("app/pipe", new byte[0], 010644), "'app/pipe' is a FIFO"),
        a(z -> z.file("app/tty", new byte[0], 020644), "'app/tty' is a character device"));
  }

  private static Arguments a(UnaryOperator<ZipBuilder> hostile, String message) {
    return Arguments.of(message, hostile);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void refusesAndCleansUp(String message, UnaryOperator<ZipBuilder> hostile) throws IOException {
    ZipBuilder zip = ZipBuilder.zip().dir("app").file("app/ok.txt", "fine").file("app/sub/n.txt", "ok");
    Path archive = hostile.apply(zip).writeTo(tmp.resolve("hostile.zip"));
    Set<String> before = TreeSnapshot.of(tmp);

    assertThatThrownBy(() -> workspace.extract(archive, staging, ExtractionLimits.DEFAULT))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessageContaining(message);

    assertThat(TreeSnapshot.of(tmp)).isEqualTo(before);
    assertThat(staging).isEmptyDirectory();
  }
}

package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.out.BackupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SecretFileTest {

  private final String prefix = "thingyan-test-" + UUID.randomUUID() + "-";

  private List<Path> left() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    }
  }

  @Test
  void theFileIsPrivateAndGoneOnClose() throws IOException {
    Path path;
    try (SecretFile file = SecretFile.write(prefix, "*:*:*:*:secret\n")) {
      path = file.path();
      assertThat(path).hasContent("*:*:*:*:secret");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
          .isEqualTo("rw-------");
    }
    assertThat(path).doesNotExist();
  }

  /**
   * The file exists before its content is written: when the write fails (here for real, a
   * password that UTF-8 cannot encode; on a full disk after part of it), the file goes too.
   */
  @Test
  void aFileThatCouldNotBeWrittenIsNotLeftBehind() throws IOException {
    String password = "pass\uD800word";
    assertThatThrownBy(() -> SecretFile.write(prefix, "password=" + password + "\n"))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("could not write the credentials file")
        .hasMessageNotContaining("pass");
    assertThat(left()).isEmpty();
  }
}

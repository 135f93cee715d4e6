package dev.thingyan.adapter.storage.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.BackupStore.Upload;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that failed at the file level must keep a truncated object from being committed. */
class UploadStreamTest {

  @TempDir Path dir;

  @Test
  void remembersAFailedWrite() throws IOException {
    FileChannel channel = FileChannel.open(dir.resolve("f"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    UploadStream stream = new UploadStream(channel);
    channel.close(); // the disk went away under the stream

    assertThatThrownBy(() -> {
      stream.write(new byte[200_000]);
      stream.flush();
    }).isInstanceOf(IOException.class);
    assertThat(stream.failed()).isTrue();
  }

  @Test
  void aCommitThatCannotRenameKeepsNothing() throws IOException {
    LocalFolderBackupStore store = new LocalFolderBackupStore(dir);
    Upload upload = store.create("b1");
    upload.stream().write(new byte[100]);
    try (var partials = Files.list(dir)) {
      Files.delete(partials.findFirst().orElseThrow()); // e.g. a cleanup job ran meanwhile
    }

    assertThatThrownBy(upload::commit)
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("Nothing was kept");
    assertThat(store.list()).isEmpty();
    try (var left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }
}

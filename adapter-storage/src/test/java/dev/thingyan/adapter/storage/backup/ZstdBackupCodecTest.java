package dev.thingyan.adapter.storage.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.StoredObject;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.BackupStore.Upload;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** zstd round trips through the local store, streamed end to end. */
class ZstdBackupCodecTest {

  private static final long SIZE = 50L << 20;

  @TempDir Path dir;
  private final ZstdBackupCodec codec = new ZstdBackupCodec();

  @Test
  void roundTripsFiftyMegabytesThroughTheStore() throws IOException {
    LocalFolderBackupStore store = new LocalFolderBackupStore(dir);
    String written;
    StoredObject stored;
    try (Upload upload = store.create("dump.sql.zst")) {
      try (OutputStream out = codec.encoder(upload.stream())) {
        written = BackupData.writeDump(out, SIZE);
      }
      stored = upload.commit();
    }

    BackupData.Digest read;
    try (InputStream in = codec.decoder(store.open("dump.sql.zst"), "zstd")) {
      read = BackupData.digest(in);
    }

    assertThat(codec.name()).isEqualTo("zstd");
    assertThat(read).isEqualTo(new BackupData.Digest(written, SIZE));
    assertThat(stored.size()).as("compressed").isLessThan(SIZE / 2);
  }

  @Test
  void refusesACodecItDoesNotRead() {
    InputStream stored = new ByteArrayInputStream(new byte[0]);

    assertThatThrownBy(() -> codec.decoder(stored, "gzip"))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("stored with the codec 'gzip'")
        .hasMessageContaining("reads only zstd");
    assertThatThrownBy(() -> codec.decoder(stored, "zstd+aead"))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("configure the backup encryption keyset");
  }

  @Test
  void aTruncatedBackupFailsToDecode() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (OutputStream out = codec.encoder(buffer)) {
      BackupData.writeDump(out, 1 << 20);
    }
    byte[] cut = Arrays.copyOf(buffer.toByteArray(), buffer.size() / 2);

    assertThatThrownBy(() -> BackupData.digest(codec.decoder(new ByteArrayInputStream(cut), "zstd")))
        .isInstanceOf(IOException.class);
  }
}

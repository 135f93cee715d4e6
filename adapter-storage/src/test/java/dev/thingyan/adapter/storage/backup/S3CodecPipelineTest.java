package dev.thingyan.adapter.storage.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.StoredObject;
import dev.thingyan.ports.out.BackupStore.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The backup pipeline as the domain runs it, dump -> zstd -> S3, and back. */
class S3CodecPipelineTest {

  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  private static final long DUMP_SIZE = 24L << 20;

  @Test
  void aZstdBackupRoundTripsThroughS3() throws IOException {
    ZstdBackupCodec codec = new ZstdBackupCodec();
    try (S3BackupStore store = new S3BackupStore(S3.config("pms"))) {
      String dumped;
      StoredObject stored;
      try (Upload upload = store.create("b1.postgresql.dump.zstd")) {
        try (OutputStream encoded = codec.encoder(upload.stream())) { // closes the upload's stream
          dumped = BackupData.writeDump(encoded, DUMP_SIZE);
        }
        stored = upload.commit();
      }

      BackupData.Digest restored;
      try (InputStream in = codec.decoder(store.open("b1.postgresql.dump.zstd"), "zstd")) {
        restored = BackupData.digest(in);
      }
      assertThat(restored).isEqualTo(new BackupData.Digest(dumped, DUMP_SIZE));
      assertThat(store.list()).containsExactly(stored);
      assertThat(stored.size()).isLessThan(DUMP_SIZE / 2);
    }
  }
}

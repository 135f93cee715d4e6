package dev.thingyan.adapter.storage.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.out.BackupCodec;
import dev.thingyan.ports.out.DumpCompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zstd program as the dump pipeline's compressor: what it writes, stored through either codec's
 * {@code compressedEncoder}, decodes like a backup compressed in the JVM.
 */
class ZstdProgramTest {

  private static final long SIZE = 8L << 20;

  @TempDir Path dir;

  private final ZstdProgram zstd = ZstdProgram.onPath().orElseThrow(
      () -> new AssertionError("zstd is not installed: run bin/test-env"));

  @Test
  void itsOutputStoredPlainDecodesWithTheZstdCodec() throws Exception {
    ZstdBackupCodec codec = new ZstdBackupCodec(Optional.of(zstd));
    assertThat(codec.compressor()).containsSame(zstd);
    assertThat(zstd.command()).endsWith("-3", "-q", "-c");

    byte[] stored = roundTrip(codec);

    assertThat(stored.length).as("compressed").isLessThan((int) (SIZE / 2));
    try (InputStream head = zstd.decompress(new ByteArrayInputStream(stored, 0, 1 << 18))) {
      assertThat(new String(head.readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("INSERT INTO ");
    }
  }

  @Test
  void itsOutputStoredEncryptedDecodesWithTheAeadCodec() throws Exception {
    Path keyset = dir.resolve("keyset.json");
    AeadBackupCodec.writeNewKeyset(keyset);
    BackupCodec codec = AeadBackupCodec.fromKeysetFile(keyset, Optional.of(zstd));
    assertThat(codec.compressor()).isPresent();

    roundTrip(codec);

    assertThat(AeadBackupCodec.fromKeysetFile(keyset).compressor()).isEmpty();
  }

  /**
   * Stores the program's output through {@code codec.compressedEncoder} and checks that the codec
   * decodes it to what was compressed.
   *
   * @return the stored bytes
   */
  private byte[] roundTrip(BackupCodec codec) throws Exception {
    ByteArrayOutputStream stored = new ByteArrayOutputStream();
    String written;
    try (OutputStream out = codec.compressedEncoder(stored)) {
      written = compress(zstd, out);
    }
    try (InputStream in = codec.decoder(new ByteArrayInputStream(stored.toByteArray()), codec.name())) {
      assertThat(BackupData.digest(in)).isEqualTo(new BackupData.Digest(written, SIZE));
    }
    return stored.toByteArray();
  }

  /** Runs the program as the pipeline does: dump on its input, compressed bytes from its output. */
  private static String compress(DumpCompressor program, OutputStream out) throws Exception {
    Process p = new ProcessBuilder(program.command()).start();
    CompletableFuture<String> feed = CompletableFuture.supplyAsync(() -> {
      try (OutputStream in = p.getOutputStream()) {
        return BackupData.writeDump(in, SIZE);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    p.getInputStream().transferTo(out);
    assertThat(p.waitFor()).isZero();
    return feed.get();
  }
}

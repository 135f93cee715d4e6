package dev.thingyan.adapter.storage.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.out.BackupCodec;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.BackupStore.Upload;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encrypted backups: round trip, and clear refusals for a wrong, missing or damaged key or file. */
class AeadBackupCodecTest {

  @TempDir Path dir;
  private Path keyset;
  private AeadBackupCodec codec;

  @BeforeEach
  void keyset() {
    keyset = dir.resolve("keys/backup-keyset.json");
    AeadBackupCodec.writeNewKeyset(keyset);
    codec = AeadBackupCodec.fromKeysetFile(keyset);
  }

  @Test
  void roundTripsFiftyMegabytesThroughTheStore() throws IOException {
    LocalFolderBackupStore store = new LocalFolderBackupStore(dir.resolve("backups"));
    String written;
    try (Upload upload = store.create("dump.sql.zst.aead")) {
      try (OutputStream out = codec.encoder(upload.stream())) {
        written = BackupData.writeDump(out, 50L << 20);
      }
      upload.commit();
    }

    try (InputStream in = codec.decoder(store.open("dump.sql.zst.aead"), "zstd+aead")) {
      assertThat(BackupData.digest(in)).isEqualTo(new BackupData.Digest(written, 50L << 20));
    }
    assertThat(codec.name()).isEqualTo("zstd+aead");
  }

  @Test
  void storesNoPlaintextAndKeepsTheKeysetPrivate() throws IOException {
    byte[] stored = encode(codec, "INSERT INTO guests VALUES ('Daw Aye Aye', '09 420 123 456');");

    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("guests");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyset))).isEqualTo("rw-------");
    String before = Files.readString(keyset);
    assertThatThrownBy(() -> AeadBackupCodec.writeNewKeyset(keyset))
        .hasMessageContaining("already exists; it is kept");
    assertThat(Files.readString(keyset)).as("the keyset the backups need, untouched").isEqualTo(before);
    try (var names = Files.list(keyset.getParent())) {
      assertThat(names.map(p -> p.getFileName().toString()))
          .as("no temporary file left beside it").noneMatch(n -> n.contains(".new-"));
    }
  }

  @Test
  void refusesAWrongKeyAtOnce() throws IOException {
    byte[] stored = encode(codec, "secret rows");
    AeadBackupCodec.writeNewKeyset(dir.resolve("other.json"));
    AeadBackupCodec other = AeadBackupCodec.fromKeysetFile(dir.resolve("other.json"));

    assertThatThrownBy(() -> other.decoder(new ByteArrayInputStream(stored), "zstd+aead"))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("not the one it was encrypted with");
  }

  @Test
  void reportsADamagedBackup() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (OutputStream out = codec.encoder(buffer)) {
      BackupData.writeDump(out, 2 << 20);
    }
    byte[] stored = buffer.toByteArray();
    stored[stored.length / 2] ^= 1;

    assertThatThrownBy(() -> BackupData.digest(codec.decoder(new ByteArrayInputStream(stored), "zstd+aead")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("damaged or truncated");
  }

  @Test
  void readsPlainZstdBackupsButNoUnknownCodec() throws IOException {
    byte[] plain = encode(new ZstdBackupCodec(), "old backup");

    try (InputStream in = codec.decoder(new ByteArrayInputStream(plain), "zstd")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("old backup");
    }
    assertThatThrownBy(() -> codec.decoder(new ByteArrayInputStream(plain), "xz"))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("reads only zstd+aead and zstd");
  }

  @Test
  void explainsAMissingOrInvalidKeyset() throws IOException {
    Path notAKeyset = Files.writeString(dir.resolve("bad.json"), "{\"hello\": 1}");

    assertThatThrownBy(() -> AeadBackupCodec.fromKeysetFile(dir.resolve("missing.json")))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("Cannot read the backup encryption keyset");
    assertThatThrownBy(() -> AeadBackupCodec.fromKeysetFile(notAKeyset))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("not a usable Tink streaming AEAD keyset");
  }

  private static byte[] encode(BackupCodec codec, String text) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (OutputStream out = codec.encoder(buffer)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return buffer.toByteArray();
  }
}

package dev.thingyan.adapter.storage.backup;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import dev.thingyan.ports.out.BackupCodec;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DumpCompressor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores dumps zstd-compressed, then encrypted with Tink streaming AEAD (AES256-GCM-HKDF, 4 KiB
 * segments): compressing first, since ciphertext does not compress. Reads both its own backups and
 * plain {@code zstd} ones (taken before encryption was turned on).
 */
public final class AeadBackupCodec implements BackupCodec {

  /** The codec name recorded with each backup. */
  public static final String NAME = "zstd+aead";

  // binds every ciphertext to its purpose, so a keyset shared with something else cannot mix them up
  private static final byte[] ASSOCIATED_DATA = "thingyan backup v1".getBytes(StandardCharsets.US_ASCII);

  private final StreamingAead aead;
  private final ZstdBackupCodec zstd;

  private AeadBackupCodec(StreamingAead aead, ZstdBackupCodec zstd) {
    this.aead = aead;
    this.zstd = zstd;
  }

  /**
   * Loads a cleartext Tink JSON keyset. Cleartext on purpose: the file is the secret, protected by
   * its permissions (0600) and kept off the backup folder.
   *
   * @throws BackupException when the file cannot be read or is not a streaming AEAD keyset
   */
  public static AeadBackupCodec fromKeysetFile(Path keysetJson) {
    return fromKeysetFile(keysetJson, Optional.empty());
  }

  /**
   * As {@link #fromKeysetFile(Path)}, compressing with the {@code zstd} program in the dump
   * pipeline when given (only the encryption then runs in the JVM).
   */
  public static AeadBackupCodec fromKeysetFile(Path keysetJson, Optional<ZstdProgram> zstdProgram) {
    Objects.requireNonNull(keysetJson, "keysetJson");
    ZstdBackupCodec zstd = new ZstdBackupCodec(zstdProgram);
    try {
      StreamingAeadConfig.register();
      String json = Files.readString(keysetJson, StandardCharsets.UTF_8);
      KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
      return new AeadBackupCodec(
          handle.getPrimitive(RegistryConfiguration.get(), StreamingAead.class), zstd);
    } catch (IOException e) {
      throw new BackupException("Cannot read the backup encryption keyset " + keysetJson + ": " + e
          + ". Check the configured path and that this service's user may read it.", e);
    } catch (GeneralSecurityException e) {
      throw new BackupException("The file " + keysetJson + " is not a usable Tink streaming AEAD "
          + "keyset (" + e.getMessage() + "). Create one with AeadBackupCodec.writeNewKeyset.", e);
    }
  }

  /** Writes a new AES256_GCM_HKDF_4KB keyset as cleartext JSON, readable by its owner only. */
  public static void writeNewKeyset(Path keysetJson) {
    try {
      StreamingAeadConfig.register();
      KeysetHandle handle =
          KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_4KB);
      String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
      OwnerOnlyFile.write(keysetJson, json);
    } catch (GeneralSecurityException | IOException e) {
      throw new BackupException("Cannot create the keyset " + keysetJson + ": " + e, e);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public OutputStream encoder(OutputStream stored) {
    return zstd.encoder(compressedEncoder(stored));
  }

  @Override
  public Optional<DumpCompressor> compressor() {
    return zstd.compressor();
  }

  @Override
  public OutputStream compressedEncoder(OutputStream stored) {
    Objects.requireNonNull(stored, "stored");
    try {
      return aead.newEncryptingStream(stored, ASSOCIATED_DATA);
    } catch (GeneralSecurityException | IOException e) {
      throw new BackupException("Cannot start encrypting the backup: " + e.getMessage(), e);
    }
  }

  @Override
  public InputStream decoder(InputStream stored, String codec) {
    Objects.requireNonNull(stored, "stored");
    if (ZstdBackupCodec.NAME.equals(codec)) {
      return zstd.decoder(stored, codec);
    }
    if (!NAME.equals(codec)) {
      throw ZstdBackupCodec.unreadable(codec, NAME + " and " + ZstdBackupCodec.NAME);
    }
    InputStream plain;
    try {
      plain = DecryptionErrors.open(aead.newDecryptingStream(stored, ASSOCIATED_DATA));
    } catch (GeneralSecurityException | IOException e) {
      throw new BackupException("Cannot decrypt the backup: the configured keyset is not the one "
          + "it was encrypted with, or the backup is damaged (" + e.getMessage() + "). Configure "
          + "the keyset that was in use when the backup was taken.", e);
    }
    return ZstdBackupCodec.decompress(plain);
  }
}

package dev.thingyan.ports.out;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** How dumps are stored: compressed (zstd), and encrypted (Tink streaming AEAD) when configured. */
public interface BackupCodec {

  /** @return the name recorded with each backup, e.g. {@code zstd} or {@code zstd+aead}. */
  String name();

  /**
   * @return a stream that compresses (and, when configured, encrypts) into {@code stored} in this
   *     JVM; closing it finishes the encoding (and closes {@code stored})
   */
  OutputStream encoder(OutputStream stored);

  /**
   * @return this codec's compression as a program for the dump pipeline, when this system has it:
   *     the dump is then compressed by the operating system's processes and only {@link
   *     #compressedEncoder} runs in this JVM. Empty means {@link #encoder} compresses in this JVM.
   */
  Optional<DumpCompressor> compressor();

  /**
   * @return a stream that stores bytes {@link #compressor()} already compressed into {@code
   *     stored}: encrypts them when encryption is configured, otherwise passes them through;
   *     closing it finishes the encoding (and closes {@code stored}). Backups made either way
   *     decode alike.
   */
  OutputStream compressedEncoder(OutputStream stored);

  /**
   * @return the dump's bytes decoded from {@code stored}
   * @throws BackupException when {@code codec} (as recorded) is not one this codec reads, or a key is missing
   */
  InputStream decoder(InputStream stored, String codec);
}

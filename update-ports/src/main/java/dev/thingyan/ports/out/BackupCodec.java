package dev.thingyan.ports.out;

import java.io.InputStream;
import java.io.OutputStream;

/** How dumps are stored: compressed (zstd), and encrypted (Tink streaming AEAD) when configured. */
public interface BackupCodec {

  /** @return the name recorded with each backup, e.g. {@code zstd} or {@code zstd+aead}. */
  String name();

  /** @return a stream that encodes into {@code stored}; closing it finishes the encoding (and closes {@code stored}). */
  OutputStream encoder(OutputStream stored);

  /**
   * @return the dump's bytes decoded from {@code stored}
   * @throws BackupException when {@code codec} (as recorded) is not one this codec reads, or a key is missing
   */
  InputStream decoder(InputStream stored, String codec);
}

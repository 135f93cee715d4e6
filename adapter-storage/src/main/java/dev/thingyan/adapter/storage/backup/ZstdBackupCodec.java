package dev.thingyan.adapter.storage.backup;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import dev.thingyan.ports.out.BackupCodec;
import dev.thingyan.ports.out.BackupException;
import dev.thingyan.ports.out.DumpCompressor;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores dumps zstd-compressed (level 3: most of the gain of higher levels at a fraction of the
 * CPU, which matters on a small hotel server dumping during an update window). With the {@code
 * zstd} program ({@link ZstdProgram}) the dump pipeline compresses outside the JVM; without it,
 * zstd-jni compresses in the JVM. Either way the stored bytes are one zstd frame that both read.
 */
public final class ZstdBackupCodec implements BackupCodec {

  /** The codec name recorded with each backup. */
  public static final String NAME = "zstd";

  static final int LEVEL = 3;

  private final Optional<ZstdProgram> program;

  /** Compresses in the JVM (zstd-jni). */
  public ZstdBackupCodec() {
    this(Optional.empty());
  }

  /** @param program the {@code zstd} program for the dump pipeline; empty: compress in the JVM */
  public ZstdBackupCodec(Optional<ZstdProgram> program) {
    this.program = Objects.requireNonNull(program, "program");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<DumpCompressor> compressor() {
    return program.map(p -> p);
  }

  @Override
  public OutputStream compressedEncoder(OutputStream stored) {
    Objects.requireNonNull(stored, "stored");
    // already compressed: nothing to add, but closing must still close the store's stream
    return new FilterOutputStream(stored) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }
    };
  }

  @Override
  public OutputStream encoder(OutputStream stored) {
    Objects.requireNonNull(stored, "stored");
    try {
      return new ZstdOutputStream(stored, LEVEL);
    } catch (IOException e) {
      throw new BackupException("Cannot start zstd compression: " + e, e);
    }
  }

  @Override
  public InputStream decoder(InputStream stored, String codec) {
    Objects.requireNonNull(stored, "stored");
    if (!NAME.equals(codec)) {
      throw unreadable(codec, NAME);
    }
    return decompress(stored);
  }

  static InputStream decompress(InputStream stored) {
    try {
      return new ZstdInputStream(stored);
    } catch (IOException e) {
      throw new BackupException("Cannot start zstd decompression: " + e, e);
    }
  }

  static BackupException unreadable(String codec, String readable) {
    String hint = AeadBackupCodec.NAME.equals(codec)
        ? " It is encrypted: configure the backup encryption keyset it was made with."
        : " Restore it with a thingyan configured for that codec.";
    return new BackupException("The backup was stored with the codec '" + codec + "', but this "
        + "system reads only " + readable + "." + hint);
  }
}

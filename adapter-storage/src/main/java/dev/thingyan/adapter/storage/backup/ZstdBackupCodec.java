package dev.thingyan.adapter.storage.backup;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import dev.thingyan.ports.out.BackupCodec;
import dev.thingyan.ports.out.BackupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Stores dumps zstd-compressed (level 3: most of the gain of higher levels at a fraction of the
 * CPU, which matters on a small hotel server dumping during an update window).
 */
public final class ZstdBackupCodec implements BackupCodec {

  /** The codec name recorded with each backup. */
  public static final String NAME = "zstd";

  private static final int LEVEL = 3;

  @Override
  public String name() {
    return NAME;
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

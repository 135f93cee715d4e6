package dev.thingyan.adapter.storage.release;

import java.io.IOException;
import java.io.InputStream;

/** The 512-byte blocks of a tar stream, with each entry's content padded to a whole block. */
final class TarBlocks {
  private final InputStream in;
  private long position;

  TarBlocks(InputStream in) {
    this.in = in;
  }

  long position() {
    return position;
  }

  /** @return the next block, or null at the end of the stream (a partial block is damage). */
  byte[] next() throws IOException {
    byte[] block = in.readNBytes(TarHeader.BLOCK);
    if (block.length == 0) {
      return null;
    }
    if (block.length < TarHeader.BLOCK) {
      throw new IOException("the tar ends inside a block at byte " + position);
    }
    position += TarHeader.BLOCK;
    return block;
  }

  /** @return a meta header's data ({@code size} bytes, at most {@code max}), padding skipped. */
  byte[] data(long size, int max, long offset) throws IOException {
    if (size > max) {
      throw TarHeader.refuse(offset, "declares a long-name or PAX header of " + size
          + " bytes, over the limit of " + max);
    }
    byte[] data = in.readNBytes((int) size);
    if (data.length < size) {
      throw new IOException("the tar ends inside the header at byte " + offset);
    }
    position += size;
    skipPadding(size);
    return data;
  }

  /**
   * @return a stream of exactly {@code size} bytes; closing it skips what the reader left and
   *     the padding, so the next block is where every tar reader expects it
   */
  InputStream content(long size) {
    return new InputStream() {
      private long left = size;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left == 0) {
          return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
          throw new IOException("the tar ends inside an entry's content at byte " + position);
        }
        left -= n;
        position += n;
        return n;
      }

      @Override
      public void close() throws IOException {
        byte[] skip = new byte[8192];
        while (left > 0) {
          read(skip, 0, skip.length);
        }
        skipPadding(size);
      }
    };
  }

  /** Past the end marker only zeros may follow: tar readers differ on what comes after it. */
  void requireOnlyZerosAfterEnd(long offset) throws IOException {
    byte[] rest = new byte[8192];
    int n;
    long at = position;
    while ((n = in.read(rest)) > 0) {
      if (!TarHeader.zero(rest, 0, n)) {
        throw TarHeader.refuse(offset, "starts the end-of-archive marker, yet data follows it; "
            + "tar readers differ on whether that data is part of the archive");
      }
      at += n;
    }
    if (at - offset < 2L * TarHeader.BLOCK) {
      throw new IOException("the tar's end-of-archive marker is a single zero block");
    }
  }

  private void skipPadding(long size) throws IOException {
    int pad = (int) ((TarHeader.BLOCK - size % TarHeader.BLOCK) % TarHeader.BLOCK);
    if (in.readNBytes(pad).length < pad) {
      throw new IOException("the tar ends inside an entry's padding at byte " + position);
    }
    position += pad;
  }
}

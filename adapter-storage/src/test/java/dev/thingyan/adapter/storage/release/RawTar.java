package dev.thingyan.adapter.storage.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes tar archives block by block, so a test can build what no tar writer would: a regular
 * file named {@code ./} carrying another archive, data after the end marker, a folder with data,
 * long-name headers that disagree. Checksums are right unless asked otherwise.
 */
final class RawTar {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static RawTar tar() {
    return new RawTar();
  }

  /** A header and its content; {@code type} as the tar type flag, e.g. '0', '5', 'x', 'L'. */
  RawTar entry(String name, char type, byte[] content) {
    return header(Header.of(name, type, content.length)).data(content);
  }

  RawTar file(String name, String content) {
    return entry(name, '0', utf8(content));
  }

  RawTar pax(String... keyValues) {
    StringBuilder records = new StringBuilder();
    for (int i = 0; i < keyValues.length; i += 2) {
      String body = " " + keyValues[i] + "=" + keyValues[i + 1] + "\n";
      int length = utf8(body).length;
      length += Integer.toString(length + Integer.toString(length).length()).length();
      records.append(length).append(body);
    }
    return entry("./PaxHeaders/x", 'x', utf8(records.toString()));
  }

  RawTar gnuLongName(String name) {
    byte[] bytes = Arrays.copyOf(utf8(name), utf8(name).length + 1);
    return header(Header.of("././@LongLink", 'L', bytes.length).gnu()).data(bytes);
  }

  RawTar header(Header h) {
    out.writeBytes(h.block());
    return this;
  }

  /** Raw bytes, padded to a whole block. */
  RawTar data(byte[] content) {
    out.writeBytes(content);
    out.writeBytes(new byte[(512 - content.length % 512) % 512]);
    return this;
  }

  /** The end-of-archive marker: two zero blocks. */
  RawTar end() {
    out.writeBytes(new byte[1024]);
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  Path writeTo(Path file) throws IOException {
    return Files.write(file, bytes());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** One header block's fields; {@link #block()} fills in the checksum. */
  static final class Header {
    private final byte[] b = new byte[512];
    private boolean badChecksum;

    static Header of(String name, char type, long size) {
      Header h = new Header();
      h.put(0, 100, utf8(name));
      h.octal(100, 8, 0644);
      h.octal(108, 8, 1000);
      h.octal(116, 8, 1000);
      h.octal(124, 12, size);
      h.octal(136, 12, 1_700_000_000L);
      h.b[156] = (byte) type;
      h.put(257, 8, "ustar\u000000".getBytes(StandardCharsets.US_ASCII));
      return h;
    }

    Header gnu() {
      put(257, 8, "ustar  \u0000".getBytes(StandardCharsets.US_ASCII));
      return this;
    }

    Header link(String target) {
      put(157, 100, utf8(target));
      return this;
    }

    /** A name as raw bytes, e.g. Latin-1 that is not UTF-8. */
    Header name(byte[] raw) {
      put(0, 100, raw);
      return this;
    }

    Header prefix(String prefix) {
      put(345, 155, utf8(prefix));
      return this;
    }

    Header badChecksum() {
      badChecksum = true;
      return this;
    }

    byte[] block() {
      Arrays.fill(b, 148, 156, (byte) ' ');
      long sum = 0;
      for (byte x : b) {
        sum += x & 0xff;
      }
      octal(148, 7, badChecksum ? sum + 1 : sum);
      return b.clone();
    }

    private void put(int at, int max, byte[] value) {
      Arrays.fill(b, at, at + max, (byte) 0);
      System.arraycopy(value, 0, b, at, Math.min(max, value.length));
    }

    private void octal(int at, int length, long value) {
      String digits = String.format("%0" + (length - 1) + "o", value);
      put(at, length, (digits + "\u0000").getBytes(StandardCharsets.US_ASCII));
    }
  }
}

package dev.thingyan.ports.out;

import java.io.InputStream;
import java.util.List;

/**
 * A compression program that the operating system runs in one pipeline with the dump tool, e.g.
 * {@code zstd -3 -q -c}: the dump's bytes go from the tool to the compressor through a pipe, and
 * this JVM reads only the compressed result (to hash, encrypt and store it). It reads the dump on
 * its standard input and writes the compressed bytes to its standard output; exit status 0 means it
 * compressed all it read.
 */
public interface DumpCompressor {

  /** @return the program and its arguments, e.g. {@code [/usr/bin/zstd, -3, -q, -c]} */
  List<String> command();

  /** @return the name shown in messages, e.g. {@code zstd} */
  String name();

  /**
   * Decompresses what {@link #command()} wrote. Dumpers use it on the first compressed bytes, to
   * check what the dump starts with; reading stops once enough was decoded.
   *
   * @return the decompressed bytes of {@code compressed}; the caller closes it
   */
  InputStream decompress(InputStream compressed);
}

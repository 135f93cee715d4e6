package dev.thingyan.adapter.jdbc.app;

import dev.thingyan.ports.out.DatabaseDumper;
import dev.thingyan.ports.out.DatabaseDumper.ProgressSink;
import java.io.ByteArrayOutputStream;

/** A dumper's whole (uncompressed) dump, in memory: the test databases are small. */
final class TestDumps {

  private TestDumps() {}

  static byte[] of(DatabaseDumper dumper) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    dumper.dump(out, ProgressSink.NONE);
    return out.toByteArray();
  }
}

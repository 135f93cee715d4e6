package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DumpTrailerTest {

  private static final String WHOLE =
      "-- MariaDB dump 10.19\nINSERT INTO `t` VALUES (1,'-- Dump completed');\n"
          + "/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;\n\n-- Dump completed on 2026-11-25 12:47:57\n";

  private static boolean completed(String dump, int chunk) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DumpTrailer trailer = new DumpTrailer(out);
    byte[] bytes = dump.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i += chunk) {
      trailer.write(bytes, i, Math.min(chunk, bytes.length - i));
    }
    assertThat(out.toByteArray()).as("passed through untouched").isEqualTo(bytes);
    return trailer.completed();
  }

  @Test
  void aWholeDumpEndsWithTheTrailerInWhateverChunksItArrives() throws IOException {
    for (int chunk : new int[] {1, 7, 64, 255, 256, 257, 4096}) {
      assertThat(completed(WHOLE, chunk)).as("chunk %d", chunk).isTrue();
      assertThat(completed(WHOLE + "\n  \n", chunk)).as("blank lines after, chunk %d", chunk).isTrue();
    }
    String longLast = WHOLE.replace("12:47:57", "12:47:57 " + "x".repeat(1000));
    assertThat(completed(longLast, 100)).as("a last line longer than what is kept").isFalse();
  }

  @Test
  void aDumpCutShortOrWithTheTrailerInsideALineIsNot() throws IOException {
    int trailer = WHOLE.lastIndexOf("-- Dump completed");
    for (int chunk : new int[] {1, 64, 4096}) {
      assertThat(completed(WHOLE.substring(0, trailer), chunk)).isFalse();
      assertThat(completed(WHOLE.substring(0, trailer + 8), chunk)).isFalse();
      assertThat(completed("", chunk)).isFalse();
      assertThat(completed("INSERT INTO `t` VALUES ('x -- Dump completed');\n", chunk)).isFalse();
    }
  }
}

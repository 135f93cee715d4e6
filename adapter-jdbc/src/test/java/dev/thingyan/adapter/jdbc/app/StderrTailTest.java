package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A tool's error output keeps its first and its last lines, and says how much it left out. */
class StderrTailTest {

  private static String read(String stderr) throws InterruptedException {
    StderrTail tail =
        new StderrTail("pg_dump", new ByteArrayInputStream(stderr.getBytes(StandardCharsets.UTF_8)));
    tail.join();
    return tail.text();
  }

  @Test
  void shortOutputIsKeptWhole() throws Exception {
    assertThat(read("pg_dump: warning: a\n\npg_dump: error: b"))
        .isEqualTo("pg_dump: warning: a | pg_dump: error: b");
  }

  @Test
  void keepsTheFirstAndTheLastLinesAndCountsWhatIsSkipped() throws Exception {
    StringBuilder stderr = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      stderr.append(String.format("pg_dump: warning: line %04d of many warnings%n", i));
    }
    stderr.append("pg_dump: error: query failed: ERROR:  permission denied for table folios\n");
    int line = "pg_dump: warning: line 0000 of many warnings\n".length(); // 44 bytes

    String text = read(stderr.toString());

    assertThat(text)
        .startsWith("pg_dump: warning: line 0000 of many warnings | pg_dump: warning: line 0001")
        .endsWith("line 0999 of many warnings | pg_dump: error: query failed: ERROR:  permission"
            + " denied for table folios")
        .containsOnlyOnce("bytes skipped ...]")
        .hasSizeLessThan(StderrTail.HEAD + StderrTail.TAIL + 100);
    int kept = text.split(" \\| ").length - 1;
    assertThat(text).contains("[... " + (1001 - kept) * line + " bytes skipped ...]");
  }

  @Test
  void theMariadbClientsEchoedStatementIsLeftOutAndALongLineCut() throws Exception {
    String text =
        read(
            "--------------\nINSERT INTO folios VALUES ('Daw Khin Khin')\n--------------\n\n"
                + "ERROR 1062 (23000) at line 40: Duplicate entry\n"
                + "x".repeat(10_000));
    assertThat(text)
        .doesNotContain("Khin")
        .startsWith("ERROR 1062 (23000) at line 40: Duplicate entry | xxx")
        .endsWith("x …")
        .hasSizeLessThan(StderrTail.TAIL + 100);
  }
}

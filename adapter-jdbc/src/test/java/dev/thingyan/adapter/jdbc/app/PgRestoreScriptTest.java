package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** pg_restore's own BEGIN and COMMIT never reach psql; the COMMIT is held until the end. */
class PgRestoreScriptTest {

  private static final String HEAD =
      "--\n-- PostgreSQL database dump\n--\n\n\\restrict abc\n\n-- Dumped by pg_dump 15\n\n";
  private static final String TAIL =
      "\n\nCOMMIT;\n\n--\n-- PostgreSQL database dump complete\n--\n\n\\unrestrict abc\n\n";

  private final ByteArrayOutputStream psql = new ByteArrayOutputStream();
  private final PgRestoreScript script = new PgRestoreScript(psql);

  private String sent() {
    return psql.toString(StandardCharsets.UTF_8);
  }

  private void write(String text, int chunk) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i += chunk) {
      script.write(bytes, i, Math.min(chunk, bytes.length - i));
    }
  }

  @Test
  void passesTheBodyWithoutItsBeginAndHoldsTheCommitBackUntilFinish() throws IOException {
    String body = "SET lock_timeout = 0;\nCOPY t (a) FROM stdin;\nCOMMIT;\n\\.\n".repeat(500);
    for (int chunk : new int[] {1, 7, 4096, 1 << 20}) {
      psql.reset();
      PgRestoreScript script = new PgRestoreScript(psql);
      byte[] bytes = (HEAD + "BEGIN;\n\n" + body + TAIL).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < bytes.length; i += chunk) {
        script.write(bytes, i, Math.min(chunk, bytes.length - i));
      }
      assertThat(sent()).as("chunk %d", chunk).doesNotContain("BEGIN").doesNotContain("unrestrict");
      assertThat(psql.size()).isLessThan(bytes.length - PgRestoreScript.HOLD + 1);

      script.finish();

      assertThat(sent())
          .isEqualTo(HEAD + "\n" + body + TAIL.replace("COMMIT;\n", ""))
          .endsWith("\\unrestrict abc\n\n");
    }
  }

  @Test
  void refusesSqlThatDoesNotOpenWithBegin() throws IOException {
    assertThatThrownBy(() -> write(HEAD + "SET lock_timeout = 0;\nBEGIN;\n", 16))
        .isInstanceOf(PgRestoreScript.Unexpected.class)
        .hasMessageContaining("does not begin with BEGIN");
    PgRestoreScript empty = new PgRestoreScript(psql);
    assertThatThrownBy(empty::finish).isInstanceOf(PgRestoreScript.Unexpected.class);
    assertThat(sent()).isEmpty();
  }

  @Test
  void refusesSqlThatDoesNotCloseWithCommit() throws IOException {
    write(HEAD + "BEGIN;\nCOMMIT;\nCREATE INDEX i ON t (a);\n\n-- done\n", 5);
    assertThatThrownBy(script::finish)
        .isInstanceOf(PgRestoreScript.Unexpected.class)
        .hasMessageContaining("does not end with COMMIT");
    assertThat(sent()).doesNotContain("CREATE INDEX");
  }
}

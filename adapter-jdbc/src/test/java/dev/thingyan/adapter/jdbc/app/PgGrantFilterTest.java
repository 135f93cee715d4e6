package dev.thingyan.adapter.jdbc.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Only grants of ACL entries that name a missing role are left out; nothing else is touched. */
class PgGrantFilterTest {

  private static final String ACL =
      "--\n-- Name: TABLE t; Type: ACL; Schema: public; Owner: -\n--\n";

  private final ByteArrayOutputStream psql = new ByteArrayOutputStream();
  private final PgGrantFilter filter =
      new PgGrantFilter(psql, Set.of("app", "rep", "A \"b\""), Set.of("app"));

  private String run(String sql, int chunk) throws IOException {
    byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i += chunk) {
      filter.write(bytes, i, Math.min(chunk, bytes.length - i));
    }
    filter.flush();
    return psql.toString(StandardCharsets.UTF_8);
  }

  @Test
  void dropsGrantsToMissingRolesInAclEntriesOnly() throws IOException {
    String kept =
        "GRANT SELECT ON TABLE public.t TO rep;\n"
            + "GRANT SELECT ON TABLE public.\"x TO gone\" TO \"A \"\"b\"\"\" WITH GRANT OPTION;\n"
            + "REVOKE ALL ON TABLE public.t FROM PUBLIC;\n";
    String dropped =
        "GRANT SELECT ON TABLE public.t TO gone;\n"
            + "GRANT SELECT ON TABLE public.t TO \"rep \";\n"
            + "ALTER DEFAULT PRIVILEGES FOR ROLE rep GRANT SELECT ON TABLES  TO app;\n";
    String copy = "COPY public.c (v) FROM stdin;\n" + ACL + "GRANT x TO gone;\n\\.\n";
    String other =
        "--\n-- Name: f; Type: FUNCTION; Schema: public; Owner: -\n--\nGRANT y TO gone;\n";
    String longLine = "SELECT '" + "x".repeat(PgGrantFilter.LINE_LIMIT * 2) + "';\n";

    String out = run(copy + ACL + kept + dropped + longLine + other + "no newline", 4093);

    assertThat(out).isEqualTo(copy + ACL + kept + longLine + other + "no newline");
    assertThat(filter.skipped()).containsExactly(dropped.strip().split("\n"));
  }

  @Test
  void grantsMadeByOthersLoseTheirSessionAuthorization() throws IOException {
    String out =
        run(
            ACL
                + "SET SESSION AUTHORIZATION rep;\nGRANT SELECT ON TABLE public.t TO app;\n"
                + "RESET SESSION AUTHORIZATION;\n",
            1);

    assertThat(out).isEqualTo(ACL + "GRANT SELECT ON TABLE public.t TO app;\n");
    assertThat(filter.regranted())
        .containsExactly("GRANT SELECT ON TABLE public.t TO app; (granted by rep)");
  }
}

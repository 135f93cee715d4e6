package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.report.ErrorReport;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each form issue 13 found leaking, and each false positive it found, one by one. */
class RedactionModelTest {
  private final TextRedactor text = new TextRedactor();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      guest_name=Daw Khin Myat Noe; room=305 | Khin Myat Noe | room=305
      {"guest_name":"Daw Aye Aye Mon", "passport_no":"E12345678"} | Aye Aye Mon | guest_name
      note {"passport_no":"E12345678"} | E12345678 | passport_no
      customer_name: Mya Mya; nights: 2 | Mya Mya | nights: 2
      booked_by=Zaw Win&room=12 | Zaw Win | room=12
      contact_person: Soe Soe | Soe Soe | contact_person
      emergency_contact: Htet Htet 09791234567 | Htet Htet | emergency_contact
      GET /guests/kyaw.zin%40outlook.com/edit | kyaw.zin | /edit
      body=%7B%22email%22%3A%22kyaw.zin%40outlook.com%22%7D | kyaw.zin | body=
      GET /search?passport_no=E12345678&page=2 | E12345678 | page=2
      scan P<MMRAUNG<<THIRI<<<<<<<<<<<<<<<<<<<<<<<<<<<<< | AUNG<<THIRI | scan
      line MB9876543<0MMR9001014F3001012<<<<<<<<<<<<<<02 | 9001014 | line
      pay cvc=987 amount=5000 | 987 | amount=5000
      call 0066 81 234 5679 | 234 5679 | call
      call 138 0013 8001 | 0013 8001 | call
      call 9 791 234 570 | 791 234 570 | call
      nrc 12/OUKAMA/N/765432 | 765432 | nrc
      Cookie: PHPSESSID=a1b2c3d4e5f6; lang=my | a1b2c3d4e5f6 | Cookie
      PHPSESSID=a1b2c3d4e5f6 | a1b2c3d4e5f6 | PHPSESSID
      """)
  void removesWhatTheIssueFound(String input, String gone, String kept) {
    String out = text.redact(input);
    assertThat(out).doesNotContain(gone).contains(kept);
  }

  @Test
  void removesAPemKeysBody() {
    String pem = "key: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"
        + "-----END PRIVATE KEY-----";
    assertThat(text.redact(pem)).doesNotContain("MIIEvQ").contains("END PRIVATE KEY");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Route [home] uses middleware auth:sanctum", "session: expired",
      "auth: failed", "mobile_app_version=2.3.1", "email_sent=true", "email_queue_depth: 12",
      "phone_verified=false", "token_expires_in=3600", "pin_length: 4", "guest_id=42",
      "trace 719da4fd-267b-4991-b4c1-bb794183e5d6", "TRACE 719DA4FD-267B-4991-B4C1-BB794183E5D6",
      "{\"email_sent\":true,\"pin_length\":4,\"mobile_app_version\":\"1.0.2\"}"})
  void keepsWhatTheIssueFoundRedactedWrongly(String input) {
    assertThat(text.redact(input)).isEqualTo(input);
  }

  @Test
  void idsShapedLikeDataAreRedactedAndTheReportStillGoes() {
    Map<String, Object> input = Reports.valid();
    input.put("user_id", "959791112233");
    input.put("trace_id", "kyaw@example.com");
    input.put("request_id", "req-7f3a9c");
    ErrorReport r = new Redactor().redact(new ReportValidator(Clock.systemUTC()).validate(input));
    assertThat(r.userId()).contains(Redactor.REDACTED_ID);
    assertThat(r.traceId()).contains(Redactor.REDACTED_ID);
    assertThat(r.requestId()).contains("req-7f3a9c");
  }

  @Test
  void randomUuidsAndHexIdsStayOpaqueIds() {
    java.util.Random random = new java.util.Random(13);
    for (int i = 0; i < 20_000; i++) {
      String uuid = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
      String hex = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
      assertThat(text.redact(uuid)).isEqualTo(uuid);
      assertThat(text.redact(uuid.toUpperCase(java.util.Locale.ROOT)))
          .isEqualTo(uuid.toUpperCase(java.util.Locale.ROOT));
      assertThat(text.redact(hex)).isEqualTo(hex);
    }
  }

  @Test
  void contextKeysByWordParts() {
    Map<String, Object> out = new Redactor().redactMap(Map.of("customer_name", "Mya Mya",
        "booked_by", "Zaw", "emergency_contact", Map.of("n", "x"), "mobile_app_version", "2.3.1",
        "email_queue_depth", 12, "phone_verified", false, "session", "expired"));
    assertThat(out).containsEntry("customer_name", Redactor.REDACTED)
        .containsEntry("booked_by", Redactor.REDACTED)
        .containsEntry("emergency_contact", Redactor.REDACTED)
        .containsEntry("mobile_app_version", "2.3.1").containsEntry("email_queue_depth", 12)
        .containsEntry("phone_verified", false).containsEntry("session", "expired");
  }

  @Test
  void controlCharactersAreEscapedAndNonFiniteNumbersBecomeStrings() {
    Map<String, Object> input = Reports.valid();
    input.put("title", "bad\u001b[31m red\u0000 and\r\nnext");
    input.put("context", Map.of("ratio", Double.POSITIVE_INFINITY, "n", Double.NaN));
    ErrorReport r = new Redactor().redact(new ReportValidator(Clock.systemUTC()).validate(input));
    assertThat(r.title()).isEqualTo("bad\\u001b[31m red\\u0000 and\nnext");
    assertThat(r.context()).containsEntry("ratio", "Infinity").containsEntry("n", "NaN");
  }

  @Test
  void framesWithoutTraceTextStillRenderATrace() {
    String text = IssueComposer.framesText(java.util.List.of(
        new dev.thingyan.ports.model.report.StackFrame("App\\Http\\Foo->bar",
            java.util.Optional.of("app/Foo.php"), java.util.OptionalInt.of(12))));
    assertThat(text).isEqualTo("    at App\\Http\\Foo->bar (app/Foo.php:12)\n");
  }
}

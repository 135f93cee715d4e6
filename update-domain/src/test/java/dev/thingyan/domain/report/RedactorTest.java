package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.report.ErrorReport;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
  private final Redactor redactor = new Redactor();

  @ParameterizedTest
  @ValueSource(strings = {"password", "Password", "db_password", "dbPassword", "DB-PASSWORD",
      "x-auth-token", "Authorization", "set_cookie", "guest_phone", "guestPhoneNumber",
      "mobile_no", "EMAIL", "emailAddress", "passport_no", "nrc", "guest_nrc", "NationalId",
      "national-id", "guest_name", "guestName", "address", "home_address", "dob", "dateOfBirth",
      "card", "card_number", "cardNumber", "cvv", "name", "guest", "apiKey", "client_secret"})
  void sensitiveKeysInAnySpelling(String key) {
    assertThat(SensitiveKeys.isSensitive(key)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"guest_id", "room", "route_name", "booking_id", "status", "component",
      "author", "pinned", "carded_at_count", "language", "nights"})
  void harmlessKeys(String key) {
    assertThat(SensitiveKeys.isSensitive(key)).isFalse();
  }

  @Test
  void redactsNestedKeysAndValues() {
    Map<String, Object> context = Map.of(
        "request", Map.of("headers", Map.of("Authorization", "Bearer abc", "Accept", "json"),
            "body", Map.of("guest", Map.of("name", "Mg Mg"), "room", 412,
                "note", "call 09123456789")),
        "contacts", List.of(Map.of("guestEmail", "x@y.com"), "mail z@y.com"),
        "amount", 959123456789L, "nights", 3);
    Map<String, Object> out = redactor.redactMap(context);
    assertThat(out.toString()).doesNotContain("abc", "Mg Mg", "09123456789", "x@y.com", "z@y.com",
        "959123456789");
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) out.get("request"))
        .get("body");
    assertThat(body).containsEntry("guest", Redactor.REDACTED).containsEntry("room", 412);
    assertThat(out).containsEntry("nights", 3).containsEntry("amount", "[phone]");
  }

  @Test
  void redactsEveryFreeTextOfAReport() {
    Map<String, Object> input = Reports.valid();
    input.put("title", "Guest aung@gmail.com cannot check in");
    input.put("message", "SQL: insert into guests (name, phone) values (Mg Mg, 09123456789)");
    input.put("steps_to_reproduce", "1. search NRC 12/OUKAMA(N)123456");
    input.put("stack_trace",
        "Error: for 09123456789\n    at save (https://pms/app.js?email=a@b.co:1:2)");
    input.put("context", Map.of("password", "hunter2", "09123456789", "v"));
    ErrorReport r = redactor.redact(new ReportValidator(Clock.systemUTC()).validate(input));
    String all = r.toString();
    assertThat(all).doesNotContain("aung@gmail.com", "Mg Mg", "09123456789", "123456", "hunter2",
        "a@b.co");
    assertThat(r.title()).isEqualTo("Guest [email] cannot check in");
    assertThat(r.stackTrace().frames()).isNotEmpty();
  }
}

package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.Version;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.ReportSource;
import dev.thingyan.ports.model.report.ReportValidationException;
import dev.thingyan.ports.model.report.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportValidatorTest {
  private static final Instant NOW = Instant.parse("2025-04-02T00:00:00Z");
  private final ReportValidator validator =
      new ReportValidator(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void readsAValidReport() {
    ErrorReport r = validator.validate(Reports.valid());
    assertThat(r.severity()).isEqualTo(Severity.ERROR);
    assertThat(r.source()).isEqualTo(ReportSource.BACKEND);
    assertThat(r.appVersion()).contains(Version.parse("1.4.2"));
    assertThat(r.occurredAt()).isEqualTo(Instant.parse("2025-04-01T10:15:30Z"));
    assertThat(r.stackTrace().frames()).hasSize(2);
    assertThat(r.stackTrace().frames().get(0).function())
        .isEqualTo("dev.thingyan.pms.CheckIn.checkIn");
  }

  @Test
  void acceptsCamelCaseKeysAndDefaultsTheTime() {
    Map<String, Object> m = Reports.valid();
    m.remove("occurred_at");
    m.put("appVersion", m.remove("app_version"));
    m.put("source", "admin_form");
    ErrorReport r = validator.validate(m);
    assertThat(r.appVersion()).isPresent();
    assertThat(r.occurredAt()).isEqualTo(NOW);
    assertThat(r.source()).isEqualTo(ReportSource.ADMIN_FORM);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      title       | NULL        | title: required
      title       | '  '        | title: required
      severity    | fatal       | severity: expected one of critical, error, warning, info
      source      | mobile      | source: expected one of backend, frontend, update, admin_form
      environment | prod uction | environment: only an opaque id is allowed
      app_version | 1.x         | app_version: expected a semantic version such as 1.4.2
      occurred_at | yesterday   | occurred_at: expected an ISO-8601 time
      """)
  void namesTheBadField(String field, String value, String message) {
    assertThatThrownBy(() -> validator.validate(Reports.with(field, value)))
        .isInstanceOf(ReportValidationException.class)
        .hasMessageStartingWith(message)
        .extracting(e -> ((ReportValidationException) e).field()).isEqualTo(field);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', textBlock = """
      user_id    | Aung Aung
      user_id    | a@b.com
      user_id    | 959791112233
      trace_id   | 09-791-234-570
      request_id | MB1234567
      """)
  void redactsAnIdThatIsAPersonsDatumAndKeepsTheReport(String field, String value) {
    ErrorReport r = validator.validate(Reports.with(field, value));
    assertThat(r.toString()).doesNotContain(value);
  }

  @Test
  void refusesWrongTypesUnknownFieldsAndAbsurdSizes() {
    assertThatThrownBy(() -> validator.validate(Reports.with("title", List.of("x"))))
        .hasMessage("title: expected a string, got a list");
    assertThatThrownBy(() -> validator.validate(Reports.with("guest_phone", "09123456789")))
        .hasMessageStartingWith("guest_phone: unknown field");
    assertThatThrownBy(() -> validator.validate(Reports.with("title", "x".repeat(2_000))))
        .hasMessage("title: longer than 1024 characters");
    assertThatThrownBy(() -> validator.validate(Reports.with("context",
        Map.of("blob", "x".repeat(600_000), "more", "y".repeat(600_000)))))
        .hasMessageStartingWith("report: larger than 1048576 characters");
    assertThatThrownBy(() -> validator.validate(
        Reports.with("frames", List.of(Map.of("line", "x")))))
        .hasMessage("frames[0].line: expected a whole number");
  }

  @Test
  void boundsTheContext() {
    Object deep = "leaf";
    for (int i = 0; i < 10; i++) {
      deep = Map.of("k", deep);
    }
    Object tooDeep = deep;
    assertThatThrownBy(() -> validator.validate(Reports.with("context", tooDeep)))
        .hasMessageStartingWith("context.k.k.k.k.k.k.k")
        .hasMessageContaining("nested deeper than 8");
    assertThatThrownBy(() -> validator.validate(Reports.with("context", "text")))
        .hasMessage("context: expected an object, got a string");
  }

  @Test
  void cutsTheIssueTitleNotTheReport() {
    ErrorReport r = validator.validate(Reports.with("title", "t".repeat(300)));
    assertThat(r.title()).hasSize(300);
    assertThat(r.issueTitle()).hasSize(256).endsWith("…");
  }
}

package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.report.ErrorReport;
import dev.thingyan.ports.model.report.QueuedReport;
import dev.thingyan.ports.model.report.ReportReceipt;
import dev.thingyan.ports.model.report.ReportValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Validate, redact, fingerprint, store: nothing unredacted is stored, nothing invalid at all. */
class ReportIntakeTest {
  private static final List<String> PII = List.of("aung.aung@example.com", "thida@pms.com.mm",
      "+95 9 420 123 456", "09420123456", "959420123456", "12/OUKAMA(N)123456",
      "၁၂/ဥကမ(နိုင်)၁၂၃၄၅၆", "၀၉၄၂၀၁၂၃၄၅၆", "Mg Mg");

  private final FakeClock clock = new FakeClock(DeliveryWorld.T0);
  private final InMemoryReportOutbox outbox = new InMemoryReportOutbox();
  private final ReportIntake intake = new ReportIntake(outbox, InAppRules.DEFAULT, clock);

  private static Map<String, Object> piiReport() {
    Map<String, Object> m = Reports.valid();
    m.put("title", "Check-in failed for aung.aung@example.com");
    m.put("message", "Guest NRC 12/OUKAMA(N)123456 phone +95 9 420 123 456 mail thida@pms.com.mm");
    m.put("steps_to_reproduce", "search ၁၂/ဥကမ(နိုင်)၁၂၃၄၅၆ then call ၀၉၄၂၀၁၂၃၄၅၆");
    m.put("stack_trace", """
        java.lang.IllegalStateException: no room for 09420123456
        \tat dev.thingyan.pms.CheckIn.checkIn(CheckIn.java:88)
        """);
    m.put("context", Map.of("guest", Map.of("guest_name", "Mg Mg", "phone", "09420123456"),
        "sql", "select * from guests where phone = '959420123456'"));
    return m;
  }

  @Test
  void storesTheReportRedactedAndFingerprintsTheRedactedReport() {
    ReportReceipt receipt = intake.submit(Actor.SYSTEM, piiReport());

    QueuedReport stored = outbox.report(receipt.reportId()).orElseThrow();
    assertThat(stored.report().toString()).doesNotContain(PII);
    assertThat(stored.report().title()).isEqualTo("Check-in failed for [email]");
    assertThat(stored.acceptedAt()).isEqualTo(clock.instant());
    assertThat(stored.fingerprint()).isEqualTo(receipt.fingerprint());

    ErrorReport raw = new ReportValidator(clock).validate(piiReport());
    Fingerprinter fingerprinter = new Fingerprinter(InAppRules.DEFAULT);
    String ofRedacted = fingerprinter.fingerprint(new Redactor().redact(raw));
    assertThat(receipt.fingerprint()).isEqualTo(ofRedacted);
    assertThat(fingerprinter.fingerprint(raw)).as("the test tells the two apart")
        .isNotEqualTo(ofRedacted);
    assertThat(receipt.issueNumber()).isZero();
  }

  @Test
  void aReportBuiltInProcessIsRedactedAllTheSame() {
    ErrorReport raw = new ReportValidator(clock).validate(piiReport());
    ReportReceipt receipt = intake.submit(Actor.SYSTEM, raw);
    assertThat(outbox.report(receipt.reportId()).orElseThrow().report().toString())
        .doesNotContain(PII);
  }

  @Test
  void theReceiptNamesTheIssueOnceOneIsLinked() {
    DeliveryWorld world = new DeliveryWorld();
    assertThat(world.submit("A", "1.4.2").issueNumber()).isZero();
    world.deliver();
    world.clock.advance(Duration.ofMinutes(1));
    assertThat(world.submit("A", "1.4.2").issueNumber())
        .isEqualTo(world.issueOf("A").number);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"severity, fatal", "source, email", "title, '   '", "app_version, latest",
      "environment, Main Site", "occurred_at, yesterday"})
  void aMalformedReportNamesTheFieldAndStoresNothing(String field, String value) {
    assertThatThrownBy(() -> intake.submit(Actor.SYSTEM, Reports.with(field, value)))
        .isInstanceOfSatisfying(ReportValidationException.class,
            e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageStartingWith(field + ": ");
    assertThat(outbox.enqueued()).isZero();
  }

  @Test
  void aMissingOrMistypedFieldIsNamedToo() {
    Map<String, Object> m = Reports.valid();
    m.remove("severity");
    assertThatThrownBy(() -> intake.submit(Actor.SYSTEM, m))
        .isInstanceOfSatisfying(ReportValidationException.class,
            e -> assertThat(e.field()).isEqualTo("severity"));
    Map<String, Object> badContext =
        Map.of("guest", Map.of("tags", List.of(Map.of("x", new Object()))));
    assertThatThrownBy(() -> intake.submit(Actor.SYSTEM, Reports.with("context", badContext)))
        .isInstanceOfSatisfying(ReportValidationException.class,
            e -> assertThat(e.field()).startsWith("context.guest"));
    assertThat(outbox.enqueued()).isZero();
  }
}
